package org.bayes2imc.hardware;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which sampling sparsity the mapping exploits (SPEC §8): none (every layer sampled S times), layer sparsity LS
 * (layers before the first ensembling layer run once), LS + row sparsity RS (in ensembled layers only the
 * stochastic-plane rows are replicated and sampled).
 */
public enum SparsityMode {
    NONE("none"),
    LS("ls"),
    LS_RS("ls+rs");

    private final String cliName;

    SparsityMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static SparsityMode parse(String s) {
        for (SparsityMode m : values()) {
            if (m.cliName.equalsIgnoreCase(s.trim()) || m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown sparsity '" + s + "'; known: "
                + Arrays.stream(values()).map(SparsityMode::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
