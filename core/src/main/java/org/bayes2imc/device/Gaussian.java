package org.bayes2imc.device;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The standard normal distribution's CDF Φ and its inverse (Apache Commons Statistics' {@code NormalDistribution}),
 * and the folded normal's mean, as the read-noise models of docs/MODEL.md §3–§5 use them.
 */
public final class Gaussian {
    // Commons Statistics computes Φ through erfc (Boost's rational approximations) to about 1 ulp, and Φ⁻¹ by
    // Wichura's AS 241 refined to full precision: twice as fast as the series we carried before, and maintained.
    private static final NormalDistribution STANDARD = NormalDistribution.of(0.0, 1.0);

    private Gaussian() {
    }

    /** Φ(x) = P(N(0,1) ≤ x); NaN for NaN. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return STANDARD.cumulativeProbability(x);
    }

    /** E|X| for X ~ N(μ, σ²) (the folded normal's mean): σ·√(2/π)·e^(−μ²/2σ²) + μ·(1 − 2Φ(−μ/σ)); |μ| when σ = 0. */
    public static double foldedNormalMean(double mu, double sigma) {
        if (!(sigma > 0.0)) {
            return Math.abs(mu);
        }
        return sigma * Math.sqrt(2.0 / Math.PI) * Math.exp(-0.5 * mu * mu / (sigma * sigma))
                + mu * (1.0 - 2.0 * cdf(-mu / sigma));
    }

    /** Φ⁻¹(p) for p in [0, 1]; ±∞ at 0 and 1. */
    public static double inverseCdf(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability " + p + " outside [0, 1]");
        }
        return STANDARD.inverseCumulativeProbability(p);
    }
}
