package org.bayes2imc.sparsity;

import java.util.Locale;

/**
 * How a deployed ensemble exploits sampling sparsity (docs/MODEL.md §8): none (every synapse of every layer sampled per
 * member), layer sparsity (layers before the first ensembling layer clamped and computed once) or layer plus row
 * sparsity (in ensembled layers only the stochastic-plane rows are sampled per member).
 */
public enum SparsityMode {
    NONE("none", "none"),
    LS("ls", "ls"),
    LS_RS("ls+rs", "ls_rs");

    private final String label;
    private final String jsonKey;

    SparsityMode(String label, String jsonKey) {
        this.label = label;
        this.jsonKey = jsonKey;
    }

    /** The CLI spelling: none, ls, ls+rs. */
    public String label() {
        return label;
    }

    /** The results.json key: none, ls, ls_rs. */
    public String jsonKey() {
        return jsonKey;
    }

    /** Reads none, ls, ls+rs (also ls_rs, ls-rs; case-insensitive). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static SparsityMode parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '+').replace('-', '+');
        for (SparsityMode m : values()) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        throw new org.bayes2imc.io.InvalidSetting("sparsity", "must be none, ls or ls+rs, got '" + s + "'");
    }
}
