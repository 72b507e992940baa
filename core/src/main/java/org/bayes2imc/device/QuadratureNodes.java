package org.bayes2imc.device;

import org.hipparchus.analysis.integration.gauss.HermiteRuleFactory;
import org.hipparchus.util.Pair;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * A discrete distribution of one random device quantity (a programmed conductance, a drift exponent) as quadrature
 * nodes with weights summing to 1, so that E[f(X)] ≈ Σ w_i·f(x_i): Gauss–Hermite nodes for Gaussian quantities
 * (Golub &amp; Welsch, Math. Comp. 23, 1969; computed by Hipparchus's {@code HermiteRuleFactory}), or equal-weight draws for quantities without a closed form. Used by the
 * programming-aware mapping (docs/MODEL.md §5).
 */
public record QuadratureNodes(double[] values, double[] weights) {
    public QuadratureNodes {
        if (values.length == 0 || values.length != weights.length) {
            throw new IllegalArgumentException("quadrature needs as many weights as values, at least one");
        }
    }

    /** A quantity that is not random. */
    public static QuadratureNodes single(double value) {
        return new QuadratureNodes(new double[] {value}, new double[] {1.0});
    }

    /** Gauss–Hermite nodes of N(0, 1) with n points (exact for polynomials of degree ≤ 2n − 1), n ≥ 1. */
    public static QuadratureNodes standardNormal(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Gauss-Hermite needs n >= 1, got " + n);
        }
        // Hipparchus's rule integrates against e^{-t²}: x = √2·t and w/√π give the standard normal's expectation
        // (the weights are normalised to sum to 1, which is the same division up to rounding).
        Pair<double[], double[]> rule = new HermiteRuleFactory().getRule(n);
        double[] x = rule.getFirst().clone();
        double[] w = rule.getSecond().clone();
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            x[i] *= Math.sqrt(2.0);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return new QuadratureNodes(x, w);
    }

    /**
     * n equal-weight draws of {@code draw} from a generator seeded with {@code seed}: the same seed for every target
     * gives common random numbers, so the expectation varies smoothly with the target.
     */
    public static QuadratureNodes draws(int n, long seed, ToDoubleFunction<RandomGenerator> draw) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = draw.applyAsDouble(rng);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return new QuadratureNodes(x, w);
    }

    /** The nodes mapped by f, weights unchanged. */
    public QuadratureNodes map(java.util.function.DoubleUnaryOperator f) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = f.applyAsDouble(values[i]);
        }
        return new QuadratureNodes(x, weights);
    }

    /** Σ w_i·x_i. */
    public double mean() {
        double s = 0.0;
        for (int i = 0; i < values.length; i++) {
            s += weights[i] * values[i];
        }
        return s;
    }

    public int size() {
        return values.length;
    }
}
