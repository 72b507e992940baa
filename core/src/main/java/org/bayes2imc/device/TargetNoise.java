package org.bayes2imc.device;

/**
 * Which device noise the mapping's target accounts for (docs/MODEL.md §5 [choice]): the read noise alone, or the read
 * noise averaged over the device's programming error and drift exponent, so that p is the probability realised on
 * average over programmings.
 */
public enum TargetNoise {
    /** Solve Φ((G_d − G_ref)/σ_r(G, t_d)) = p: exact for a device programmed exactly at its target. */
    READ,
    /**
     * Solve E[Φ((g_d − G_ref)/σ_r(g, g_d, t_d))] = p, the expectation over the programmed conductance g and the drift
     * exponent ν of one programming: the mean realised probability over programmings is p.
     */
    READ_AND_PROGRAMMING;

    /** Parses the command-line names {@code read | read+programming}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static TargetNoise parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "read" -> READ;
            case "read+programming", "read_and_programming" -> READ_AND_PROGRAMMING;
            default -> throw new org.bayes2imc.io.InvalidSetting("target_noise", "must be read or read+programming, got '" + s + "'");
        };
    }

    /** The command-line name. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String cliName() {
        return this == READ ? "read" : "read+programming";
    }
}
