package org.bayes2imc.device;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * A discrete distribution of one random device quantity (a programmed conductance, a drift exponent) as quadrature
 * nodes with weights summing to 1, so that E[f(X)] ≈ Σ w_i·f(x_i): Gauss–Hermite nodes for Gaussian quantities
 * (Golub &amp; Welsch, Math. Comp. 23, 1969; here by Newton's method on the Hermite recursion, as Press et al.,
 * Numerical Recipes §4.6), or equal-weight draws for quantities without a closed form. Used by the
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
        double[] x = new double[n];
        double[] w = new double[n];
        // Newton on the orthonormal physicists' Hermite polynomials H̃_n (Numerical Recipes gauher), then
        // x = √2·t and w/√π turn ∫e^{-t²} into the standard normal's expectation.
        double z = 0.0;
        int m = (n + 1) / 2;
        double pim4 = Math.pow(Math.PI, -0.25);
        for (int i = 0; i < m; i++) {
            if (i == 0) {
                z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -0.16667);
            } else if (i == 1) {
                z -= 1.14 * Math.pow(n, 0.426) / z;
            } else if (i == 2) {
                z = 1.86 * z - 0.86 * x[0];
            } else if (i == 3) {
                z = 1.91 * z - 0.91 * x[1];
            } else {
                z = 2.0 * z - x[i - 2];
            }
            double pp = 0.0;
            for (int iter = 0; iter < 100; iter++) {
                double p1 = pim4;
                double p2 = 0.0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
                }
                pp = Math.sqrt(2.0 * n) * p2;
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) <= 1e-15 * Math.max(1.0, Math.abs(z))) {
                    break;
                }
            }
            x[i] = z;
            x[n - 1 - i] = -z;
            w[i] = 2.0 / (pp * pp);
            w[n - 1 - i] = w[i];
        }
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
