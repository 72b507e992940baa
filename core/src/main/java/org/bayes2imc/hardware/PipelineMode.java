package org.bayes2imc.hardware;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the S ensemble members share hardware (docs/MODEL.md §9): pipelined replicates the sampled arrays once per member and
 * runs them side by side (latency of one pass, S× area); non-pipelined keeps one copy and re-reads it S times.
 */
public enum PipelineMode {
    PIPELINED("pipelined"),
    NON_PIPELINED("non-pipelined");

    private final String cliName;

    PipelineMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static PipelineMode parse(String s) {
        for (PipelineMode m : values()) {
            if (m.cliName.equalsIgnoreCase(s.trim()) || m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + s + "'; known: "
                + Arrays.stream(values()).map(PipelineMode::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
