package org.bayes2imc.imc;

/**
 * Counter-based random numbers (SplitMix64 finaliser, Steele et al. 2014): a draw is a pure function of its key and
 * index, so every sample is the same whatever the thread count or the order in which blocks are computed.
 */
public final class CounterRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Half a step of the 32-bit uniform grid: q at or below it never gives +1, q at or above 1 − it always does. */
    public static final double HALF_STEP = 0x1p-33;

    private CounterRandom() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A key derived from a parent key and one more coordinate (deployment, member, layer, block, ...). */
    public static long key(long parent, long coordinate) {
        return mix(parent + GOLDEN * (coordinate + 1) + 0x632BE59BD9B4E019L);
    }

    public static long key(long... coordinates) {
        long k = 0x5DEECE66DL;
        for (long c : coordinates) {
            k = key(k, c);
        }
        return k;
    }

    /** Uniform on the midpoints (k + ½)·2^-32 of a 32-bit grid, a pure function of (key, index). */
    public static double uniform(long key, long index) {
        long bits = mix(key ^ (index * GOLDEN)) >>> 32;
        return (bits + 0.5) * 0x1p-32;
    }

    /** A standard normal by Box–Muller from two counter uniforms. */
    public static double gaussian(long key, long index) {
        double u1 = uniform(key, 2 * index);
        double u2 = uniform(key, 2 * index + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** The ±1 sample of a synapse with P(+1) = q: +1 iff uniform < q. */
    public static boolean plusOne(long key, long index, double q) {
        return uniform(key, index) < q;
    }

    /** True when {@link #plusOne} gives the same answer for every uniform: the synapse is effectively deterministic. */
    public static boolean deterministic(double q) {
        return q <= HALF_STEP || q >= 1.0 - HALF_STEP;
    }
}
