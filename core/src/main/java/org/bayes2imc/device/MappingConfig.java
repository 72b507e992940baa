package org.bayes2imc.device;

/**
 * How probabilities are mapped onto conductances (docs/MODEL.md §5), with defaults of the measured setup of docs/MODEL.md §7.
 *
 * @param encoding                    single device vs G_ref (default) or differential pair
 * @param referenceMicroSiemens       the sense amplifier's reference conductance G_ref (5 µS)
 * @param setMicroSiemens             conductance of a deterministic synapse that must read above (20 µS)
 * @param resetMicroSiemens           conductance of a deterministic synapse that must read below (0 µS)
 * @param epsilon                     p &lt; ε or p &gt; 1 − ε makes a synapse deterministic (0.01, as docs/MODEL.md §8)
 * @param pairMidpointMicroSiemens    midpoint m of a differential pair, G± = m ± d/2 (5 µS)
 * @param solverToleranceMicroSiemens the root finder stops when the bracket is this narrow (1e-9 µS)
 */
public record MappingConfig(SynapseEncoding encoding, double referenceMicroSiemens, double setMicroSiemens,
                            double resetMicroSiemens, double epsilon, double pairMidpointMicroSiemens,
                            double solverToleranceMicroSiemens) {
    public MappingConfig {
        if (encoding == null) {
            throw new IllegalArgumentException("mapping encoding is missing");
        }
        IbmPcmConfig.nonNegative("reference conductance", referenceMicroSiemens);
        IbmPcmConfig.nonNegative("SET conductance", setMicroSiemens);
        IbmPcmConfig.nonNegative("RESET conductance", resetMicroSiemens);
        if (!(epsilon >= 0.0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must lie in [0, 0.5), got " + epsilon);
        }
        IbmPcmConfig.positive("differential pair midpoint", pairMidpointMicroSiemens);
        IbmPcmConfig.positive("solver tolerance", solverToleranceMicroSiemens);
    }

    /** Single device, G_ref 5 µS, SET 20 µS, RESET 0 µS, ε 0.01, pair midpoint 5 µS, tolerance 1e-9 µS. */
    public static MappingConfig defaults() {
        return new MappingConfig(SynapseEncoding.SINGLE_DEVICE, 5.0, 20.0, 0.0, 0.01, 5.0, 1e-9);
    }

    public MappingConfig withEncoding(SynapseEncoding e) {
        return new MappingConfig(e, referenceMicroSiemens, setMicroSiemens, resetMicroSiemens, epsilon,
                pairMidpointMicroSiemens, solverToleranceMicroSiemens);
    }

    public MappingConfig withReference(double gRefMicroSiemens) {
        return new MappingConfig(encoding, gRefMicroSiemens, setMicroSiemens, resetMicroSiemens, epsilon,
                pairMidpointMicroSiemens, solverToleranceMicroSiemens);
    }

    public MappingConfig withEpsilon(double eps) {
        return new MappingConfig(encoding, referenceMicroSiemens, setMicroSiemens, resetMicroSiemens, eps,
                pairMidpointMicroSiemens, solverToleranceMicroSiemens);
    }

    /**
     * True when p is outside [ε, 1 − ε]: the synapse is stored in SET/RESET states and not sampled. The ε rule of
     * docs/MODEL.md §8 stated on p for the solver, which sees only p; deployments decide on λ through
     * sparsity.SynapseClassifier, which agrees with this test for every float λ (SynapseClassifierTest).
     */
    public boolean isDeterministic(double p) {
        return p < epsilon || p > 1.0 - epsilon;
    }
}
