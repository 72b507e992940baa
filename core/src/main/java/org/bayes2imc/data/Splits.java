package org.bayes2imc.data;

import java.util.Arrays;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Seeded, deterministic hold-out splits. Shuffles use {@link java.util.Random}, whose algorithm the JDK specifies,
 * so a seed gives the same split on every JVM; both parts keep the original sample order.
 */
public final class Splits {
    private Splits() {
    }

    /** A dataset cut in two: the part to train on and the held-out part (validation or test). */
    public record Split(Dataset train, Dataset heldOut) {
    }

    /**
     * Holds out round(fraction·N) samples drawn uniformly at random (Fisher–Yates with {@code seed}) as the
     * validation set; names get the suffixes "-train" and "-validation".
     */
    public static Split trainValidation(Dataset d, double fraction, long seed) {
        checkFraction(fraction);
        int n = d.size();
        int[] perm = permutation(n, new Random(seed));
        int held = (int) Math.round(fraction * n);
        return cut(d, perm, held, "-validation");
    }

    /** Holds out round(fraction·n_c) samples of every class c (each class shuffled with {@code seed}). */
    public static Split stratifiedHoldOut(Dataset d, double fraction, long seed) {
        checkFraction(fraction);
        Random rng = new Random(seed);
        boolean[] heldOut = new boolean[d.size()];
        for (int c = 0; c < d.classes(); c++) {
            final int cls = c;
            int[] members = java.util.stream.IntStream.range(0, d.size()).filter(i -> d.labels()[i] == cls).toArray();
            int[] perm = permutation(members.length, rng);
            int held = (int) Math.round(fraction * members.length);
            for (int i = 0; i < held; i++) {
                heldOut[members[perm[i]]] = true;
            }
        }
        int[] order = new int[d.size()];
        int k = 0;
        for (int i = 0; i < d.size(); i++) {
            if (heldOut[i]) {
                order[k++] = i;
            }
        }
        int held = k;
        for (int i = 0; i < d.size(); i++) {
            if (!heldOut[i]) {
                order[k++] = i;
            }
        }
        return cut(d, order, held, "-test");
    }

    private static Split cut(Dataset d, int[] order, int held, String heldSuffix) {
        int[] h = Arrays.copyOfRange(order, 0, held);
        int[] t = Arrays.copyOfRange(order, held, order.length);
        Arrays.sort(h);
        Arrays.sort(t);
        return new Split(renamed(d.select(t), d.name() + "-train"), renamed(d.select(h), d.name() + heldSuffix));
    }

    private static Dataset renamed(Dataset d, String name) {
        return new Dataset(name, d.channels(), d.height(), d.width(), d.classes(), d.features(), d.labels());
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates), drawn from any generator. */
    public static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("hold-out fraction must be in [0, 1), got " + fraction);
        }
    }
}
