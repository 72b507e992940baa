package org.bayes2imc.device;

/** How one Bayesian binary synapse is stored in devices and sampled by the 1-bit sense amplifier (docs/MODEL.md §5 [choice]). */
public enum SynapseEncoding {
    /** One device read against the reference conductance G_ref: w = +1 iff read &gt; G_ref. p = Φ((G − G_ref)/σ_r(G)). */
    SINGLE_DEVICE,
    /**
     * Two devices read against each other: w = +1 iff read(G+) &gt; read(G−). p = Φ((G+ − G−)/sqrt(σ+² + σ−²)).
     * The pair is split symmetrically around a midpoint m: G± = m ± d/2, d solved per synapse.
     */
    DIFFERENTIAL_PAIR;

    /** Parses the command-line names {@code single | differential}, or the devices per synapse {@code 1 | 2}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static SynapseEncoding parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "single", "1" -> SINGLE_DEVICE;
            case "differential", "2" -> DIFFERENTIAL_PAIR;
            default -> throw new org.bayes2imc.io.InvalidSetting("encoding", "must be single or differential (1 or 2 devices per synapse), got '" + s + "'");
        };
    }
}
