package org.bayes2imc.device;

/**
 * The standard normal distribution's CDF Φ and its inverse, to double precision in absolute terms
 * (Marsaglia 2004 series for Φ; Acklam's rational approximation refined by one Halley step for Φ⁻¹).
 */
public final class Gaussian {
    private static final double LN_SQRT_2PI = 0.91893853320467274178;

    private Gaussian() {
    }

    /** Φ(x) = P(N(0,1) ≤ x); absolute error below about 1e-15 (Marsaglia, J. Stat. Softw. 11(4), 2004). */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -38.0) {
            return 0.0;
        }
        if (x > 38.0) {
            return 1.0;
        }
        double s = x;
        double t = 0.0;
        double b = x;
        double q = x * x;
        double i = 1.0;
        while (s != t) {
            t = s;
            i += 2.0;
            b *= q / i;
            s = t + b;
        }
        double phi = 0.5 + s * Math.exp(-0.5 * q - LN_SQRT_2PI);
        return Math.min(1.0, Math.max(0.0, phi));
    }

    /** E|X| for X ~ N(μ, σ²) (the folded normal's mean): σ·√(2/π)·e^(−μ²/2σ²) + μ·(1 − 2Φ(−μ/σ)); |μ| when σ = 0. */
    public static double foldedNormalMean(double mu, double sigma) {
        if (!(sigma > 0.0)) {
            return Math.abs(mu);
        }
        return sigma * Math.sqrt(2.0 / Math.PI) * Math.exp(-0.5 * mu * mu / (sigma * sigma))
                + mu * (1.0 - 2.0 * cdf(-mu / sigma));
    }

    /** Φ⁻¹(p) for p in (0, 1); ±∞ at 0 and 1. */
    public static double inverseCdf(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability " + p + " outside [0, 1]");
        }
        if (p == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double x = acklam(p);
        // One Halley step on Φ(x) − p brings the 1e-9 relative error of the rational approximation to
        // double precision (the tails are limited by cdf's absolute accuracy).
        double e = cdf(x) - p;
        double u = e * Math.sqrt(2.0 * Math.PI) * Math.exp(0.5 * x * x);
        return x - u / (1.0 + 0.5 * x * u);
    }

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};

    private static double acklam(double p) {
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
}
