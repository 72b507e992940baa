package org.bayes2imc.imc;

/**
 * Where synapses are programmed (SPEC §5, values of the §7 measurement): probabilistic synapses near the sense
 * amplifier's reference G_ref, deterministic ones (p &lt; ε or p &gt; 1 − ε, SPEC §8) in the SET or RESET state.
 *
 * @param referenceMicroSiemens G_ref, the sense-amplifier reference (default 5 µS)
 * @param setMicroSiemens       the SET state of a deterministic +1 device (default 20 µS)
 * @param resetMicroSiemens     the RESET state of a deterministic −1 device (default 0 µS)
 * @param mappingSeconds        the time after programming at which a read should exceed G_ref with probability p;
 *                              the read noise σ_r(G, t) of that time is used (default 20 s, the first evaluation time)
 * @param epsilon               synapses with p &lt; ε or p &gt; 1 − ε are deterministic (default 0.01)
 */
public record MappingConfig(double referenceMicroSiemens, double setMicroSiemens, double resetMicroSiemens,
                            double mappingSeconds, double epsilon) {
    public static final MappingConfig DEFAULT = new MappingConfig(5.0, 20.0, 0.0, 20.0, 0.01);

    public MappingConfig {
        if (!(epsilon >= 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("--epsilon must be in [0, 0.5), got " + epsilon);
        }
        if (!(referenceMicroSiemens > resetMicroSiemens && setMicroSiemens > referenceMicroSiemens)) {
            throw new IllegalArgumentException("conductances must satisfy RESET < G_ref < SET, got "
                    + resetMicroSiemens + " / " + referenceMicroSiemens + " / " + setMicroSiemens + " µS");
        }
        if (!(mappingSeconds >= 0)) {
            throw new IllegalArgumentException("mapping time must be >= 0 s, got " + mappingSeconds);
        }
    }

    public MappingConfig withEpsilon(double e) {
        return new MappingConfig(referenceMicroSiemens, setMicroSiemens, resetMicroSiemens, mappingSeconds, e);
    }

    public MappingConfig withMappingSeconds(double s) {
        return new MappingConfig(referenceMicroSiemens, setMicroSiemens, resetMicroSiemens, s, epsilon);
    }

    /** True when a synapse with P(+1) = p is clamped to SET/RESET. */
    public boolean deterministic(double p) {
        return p < epsilon || p > 1.0 - epsilon;
    }
}
