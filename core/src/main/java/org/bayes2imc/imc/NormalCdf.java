package org.bayes2imc.imc;

/** Φ, the standard normal CDF, to about 1e-15 absolute (Marsaglia 2004 series; W. J. Cody's erfc tail is not needed). */
final class NormalCdf {
    private static final double LN_SQRT_2PI = 0.91893853320467274178;

    private NormalCdf() {
    }

    static double phi(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -38.0) {
            return 0.0;
        }
        if (x > 38.0) {
            return 1.0;
        }
        if (x < -8.0) {
            // Mills-ratio asymptotic expansion: the series below loses all relative precision this far out.
            double x2 = x * x;
            double pdf = Math.exp(-0.5 * x2 - LN_SQRT_2PI);
            return pdf / -x * (1 - 1 / x2 + 3 / (x2 * x2) - 15 / (x2 * x2 * x2));
        }
        if (x > 8.0) {
            return 1.0 - phi(-x);
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
        return Math.min(1.0, Math.max(0.0, 0.5 + s * Math.exp(-0.5 * q - LN_SQRT_2PI)));
    }
}
