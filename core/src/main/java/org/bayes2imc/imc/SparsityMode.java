package org.bayes2imc.imc;

/**
 * Sparsity-aware deployment (SPEC §8): NONE samples every layer S times; LS clamps the layers before the first
 * ensembling layer L* and computes them once per image; LS_RS also splits each ensembled layer into the
 * deterministic plane (rows without probabilistic synapses, computed once per shared input) and the stochastic plane
 * (sampled per member), adding their partial sums per column before pool/BatchNorm.
 */
public enum SparsityMode {
    NONE, LS, LS_RS;

    public static SparsityMode parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> NONE;
            case "ls" -> LS;
            case "ls+rs", "ls-rs", "ls_rs" -> LS_RS;
            default -> throw new IllegalArgumentException("--sparsity must be none, ls or ls+rs, got '" + s + "'");
        };
    }

    public String id() {
        return switch (this) {
            case NONE -> "none";
            case LS -> "ls";
            case LS_RS -> "ls+rs";
        };
    }
}
