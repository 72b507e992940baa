package org.bayes2imc.sparsity;

import org.bayes2imc.model.BbnnModel;

/**
 * Tells probabilistic from deterministic synapses (docs/MODEL.md §8, second source document): a synapse with
 * p = P(w = +1) = sigmoid(2λ) is <b>probabilistic</b> iff ε ≤ p ≤ 1 − ε, equivalently
 * |λ| ≤ ½·ln((1 − ε)/ε); otherwise it is <b>deterministic</b> and clamped to sign(λ).
 *
 * <p>The test is evaluated on |λ| in double precision against the threshold above, so it is exactly symmetric in
 * ±λ (ε = 0.01 ↔ |λ| ≤ 2.2976). λ = 0 exactly (p = ½) clamps to +1, matching the mode of a tie broken towards
 * +1 everywhere else in the project. {@link #allDeterministic()} marks every synapse deterministic whatever its λ
 * (used by tests and by layers outside the ensemble).
 */
public final class SynapseClassifier {
    /** The default ε (docs/MODEL.md §8). */
    public static final double DEFAULT_EPSILON = 0.01;

    private final double epsilon;
    private final double lambdaThreshold;

    private SynapseClassifier(double epsilon, double lambdaThreshold) {
        this.epsilon = epsilon;
        this.lambdaThreshold = lambdaThreshold;
    }

    /** The classifier for ε in (0, ½]; ε = ½ makes only p = ½ exactly (λ = 0) probabilistic. */
    public static SynapseClassifier ofEpsilon(double epsilon) {
        if (!(epsilon > 0.0 && epsilon <= 0.5)) {
            throw new org.bayes2imc.io.InvalidSetting("epsilon", "must be in (0, 0.5], got " + epsilon);
        }
        return new SynapseClassifier(epsilon, 0.5 * Math.log((1.0 - epsilon) / epsilon));
    }

    /** A classifier under which no synapse is probabilistic (ε reported as 0.5, threshold −∞). */
    public static SynapseClassifier allDeterministic() {
        return new SynapseClassifier(0.5, Double.NEGATIVE_INFINITY);
    }

    public double epsilon() {
        return epsilon;
    }

    /** ½·ln((1 − ε)/ε): the largest |λ| that is still probabilistic (−∞ for {@link #allDeterministic()}). */
    public double lambdaThreshold() {
        return lambdaThreshold;
    }

    public boolean isProbabilistic(float lambda) {
        return Math.abs((double) lambda) <= lambdaThreshold;
    }

    /** The clamped (mode) weight sign(λ) as ±1, with λ = 0 → +1. NaN is rejected by the analysis, not here. */
    public static float clamp(float lambda) {
        return lambda < 0f ? -1f : 1f;
    }

    /** p = P(w = +1) = sigmoid(2λ). */
    public static double probabilityPlusOne(float lambda) {
        return BbnnModel.probabilityPlusOne(lambda);
    }

    @Override
    public String toString() {
        return lambdaThreshold == Double.NEGATIVE_INFINITY ? "all-deterministic" : "epsilon=" + epsilon;
    }
}
