package org.bayes2imc.random;

/**
 * Counter-based random numbers, the project's one SplitMix64 mixer (Steele, Lea and Flood, OOPSLA 2014): a draw is a
 * pure function of its key and index, so every sample is the same whatever the thread count or the order in which
 * blocks are computed (docs/MODEL.md §5). Each user keys its streams in its own documented way (kept as it was so
 * that seeded results do not move); all of them mix through {@link #mix}.
 */
public final class CounterRandom {
    /** 2^64 / φ, SplitMix64's increment. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private CounterRandom() {
    }

    /** SplitMix64's finaliser (variant 13 of Stafford's mixers). */
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

    /**
     * The seed of the weight-sample stream of one (seed, member, layer, chunk): each coordinate xor-ed in with its own
     * odd multiplier and mixed (the software ensemble's and the deployed core's sampler streams).
     */
    public static long sampleStreamKey(long seed, int member, int layer, long chunk) {
        long k = mix(seed ^ GOLDEN);
        k = mix(k ^ (member * 0xBF58476D1CE4E5B9L + 1));
        k = mix(k ^ (layer * 0x94D049BB133111EBL + 2));
        return mix(k ^ (chunk * 0xD6E8FEB86659FD93L + 3));
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
}
