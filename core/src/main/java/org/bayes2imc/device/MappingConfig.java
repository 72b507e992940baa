package org.bayes2imc.device;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

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
 * @param targetNoise                 which noise the target accounts for: the read noise averaged over programming
 *                                    error and drift exponent ({@link TargetNoise#READ_AND_PROGRAMMING}, default: the
 *                                    mean realised probability is p) or the read noise alone ({@link TargetNoise#READ})
 * Immutable; {@link #builder()} starts from these defaults, {@link Builder#build()} validates.
 */
@JsonDeserialize(builder = MappingConfig.Builder.class)
public record MappingConfig(SynapseEncoding encoding, double referenceMicroSiemens, double setMicroSiemens,
                            double resetMicroSiemens, double epsilon, double pairMidpointMicroSiemens,
                            double solverToleranceMicroSiemens, TargetNoise targetNoise) {
    public MappingConfig {
        if (encoding == null) {
            throw new IllegalArgumentException("mapping encoding is missing");
        }
        if (targetNoise == null) {
            throw new org.bayes2imc.io.InvalidSetting("target_noise", "is missing");
        }
        IbmPcmConfig.nonNegative("reference_micro_siemens", referenceMicroSiemens);
        IbmPcmConfig.nonNegative("set_micro_siemens", setMicroSiemens);
        IbmPcmConfig.nonNegative("reset_micro_siemens", resetMicroSiemens);
        if (!(epsilon >= 0.0 && epsilon < 0.5)) {
            throw new org.bayes2imc.io.InvalidSetting("epsilon", "must lie in [0, 0.5), got " + epsilon);
        }
        IbmPcmConfig.positive("pair_midpoint_micro_siemens", pairMidpointMicroSiemens);
        IbmPcmConfig.positive("solver_tolerance_micro_siemens", solverToleranceMicroSiemens);
    }

    /** Single device, G_ref 5 µS, SET 20 µS, RESET 0 µS, ε 0.01, pair midpoint 5 µS, tolerance 1e-9 µS, read+programming target. */
    public static MappingConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optEncoding(encoding).optReferenceMicroSiemens(referenceMicroSiemens)
                .optSetMicroSiemens(setMicroSiemens).optResetMicroSiemens(resetMicroSiemens).optEpsilon(epsilon)
                .optPairMidpointMicroSiemens(pairMidpointMicroSiemens).optSolverToleranceMicroSiemens(solverToleranceMicroSiemens)
                .optTargetNoise(targetNoise);
    }

    /** Every setting optional ({@code opt…}), defaults as documented on the record. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private SynapseEncoding encoding = SynapseEncoding.SINGLE_DEVICE;
        private double referenceMicroSiemens = 5.0;
        private double setMicroSiemens = 20.0;
        private double resetMicroSiemens = 0.0;
        private double epsilon = 0.01;
        private double pairMidpointMicroSiemens = 5.0;
        private double solverToleranceMicroSiemens = 1e-9;
        private TargetNoise targetNoise = TargetNoise.READ_AND_PROGRAMMING;

        public Builder optEncoding(SynapseEncoding v) {
            encoding = v;
            return this;
        }

        public Builder optReferenceMicroSiemens(double v) {
            referenceMicroSiemens = v;
            return this;
        }

        public Builder optSetMicroSiemens(double v) {
            setMicroSiemens = v;
            return this;
        }

        public Builder optResetMicroSiemens(double v) {
            resetMicroSiemens = v;
            return this;
        }

        public Builder optEpsilon(double v) {
            epsilon = v;
            return this;
        }

        public Builder optPairMidpointMicroSiemens(double v) {
            pairMidpointMicroSiemens = v;
            return this;
        }

        public Builder optSolverToleranceMicroSiemens(double v) {
            solverToleranceMicroSiemens = v;
            return this;
        }

        public Builder optTargetNoise(TargetNoise v) {
            targetNoise = v;
            return this;
        }

        public MappingConfig build() {
            return new MappingConfig(encoding, referenceMicroSiemens, setMicroSiemens, resetMicroSiemens, epsilon,
                    pairMidpointMicroSiemens, solverToleranceMicroSiemens, targetNoise);
        }
    }

    public MappingConfig withEncoding(SynapseEncoding e) {
        return new MappingConfig(e, referenceMicroSiemens, setMicroSiemens, resetMicroSiemens, epsilon,
                pairMidpointMicroSiemens, solverToleranceMicroSiemens, targetNoise);
    }

    public MappingConfig withReference(double gRefMicroSiemens) {
        return new MappingConfig(encoding, gRefMicroSiemens, setMicroSiemens, resetMicroSiemens, epsilon,
                pairMidpointMicroSiemens, solverToleranceMicroSiemens, targetNoise);
    }

    public MappingConfig withTargetNoise(TargetNoise t) {
        return toBuilder().optTargetNoise(t).build();
    }

    public MappingConfig withEpsilon(double eps) {
        return new MappingConfig(encoding, referenceMicroSiemens, setMicroSiemens, resetMicroSiemens, eps,
                pairMidpointMicroSiemens, solverToleranceMicroSiemens, targetNoise);
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
