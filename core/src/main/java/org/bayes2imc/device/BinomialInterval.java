package org.bayes2imc.device;

/** A confidence interval for a binomial proportion (Wilson score interval, Wilson 1927). */
public record BinomialInterval(double low, double high, double confidence) {
    /** Wilson score interval of k successes in n trials at the given two-sided confidence (e.g. 0.999). */
    public static BinomialInterval wilson(long successes, long trials, double confidence) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("binomial interval needs 0 <= successes <= trials, trials > 0; got "
                    + successes + "/" + trials);
        }
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        double z = Gaussian.inverseCdf(1.0 - (1.0 - confidence) / 2.0);
        double n = trials;
        double phat = successes / n;
        double z2n = z * z / n;
        double centre = (phat + z2n / 2.0) / (1.0 + z2n);
        double half = z / (1.0 + z2n) * Math.sqrt(phat * (1.0 - phat) / n + z2n / (4.0 * n));
        return new BinomialInterval(Math.max(0.0, centre - half), Math.min(1.0, centre + half), confidence);
    }

    public boolean contains(double p) {
        return p >= low && p <= high;
    }
}
