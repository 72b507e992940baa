package org.bayes2imc.data;

import org.bayes2imc.random.CounterRandom;

/**
 * The standard CIFAR training augmentation (He et al. 2016; torchvision RandomCrop(32, padding=4) +
 * RandomHorizontalFlip(0.5)): zero-pad each image by {@code padding} pixels, take a random crop of the original size,
 * then mirror it left–right with probability {@code flipProbability}. Apply it to [0, 1] pixels before
 * normalisation, so the padding is black as in torchvision. Each sample's draw depends only on (seed, sample index),
 * so the result is the same whatever the batch split or thread count.
 */
public record CifarAugmentation(int padding, double flipProbability) {
    public static final CifarAugmentation STANDARD = new CifarAugmentation(4, 0.5);

    public CifarAugmentation {
        if (padding < 0 || !(flipProbability >= 0 && flipProbability <= 1)) {
            throw new IllegalArgumentException("augmentation needs padding >= 0 and flip probability in [0, 1]");
        }
    }

    /** Where sample {@code index} is cropped from: shift (dy, dx) in [−padding, padding] and whether it is flipped. */
    public record Placement(int dy, int dx, boolean flip) {
    }

    /** The placement drawn for sample {@code index} of a batch augmented with {@code seed}. */
    public Placement placement(long seed, long index) {
        long s = mix(seed ^ mix(index + 0x632BE59BD9B4E019L));
        int span = 2 * padding + 1;
        int dy = (int) Math.floorMod(s, (long) span) - padding;
        s = mix(s);
        int dx = (int) Math.floorMod(s, (long) span) - padding;
        s = mix(s);
        boolean flip = (s >>> 11) * 0x1.0p-53 < flipProbability;
        return new Placement(dy, dx, flip);
    }

    /**
     * Returns the augmented copy of a batch of n images laid out N,C,H,W: out(y, x) = in(y + dy, x' + dx) with
     * x' = x, or W−1−x when flipped, and 0 outside the image.
     */
    public float[] apply(float[] batch, int n, int c, int h, int w, long seed) {
        if (batch.length != (long) n * c * h * w) {
            throw new IllegalArgumentException("batch of " + batch.length + " values is not " + n + "x" + c + "x" + h + "x" + w);
        }
        float[] out = new float[batch.length];
        for (int k = 0; k < n; k++) {
            Placement p = placement(seed, k);
            for (int ch = 0; ch < c; ch++) {
                int base = (k * c + ch) * h * w;
                for (int y = 0; y < h; y++) {
                    int sy = y + p.dy();
                    if (sy < 0 || sy >= h) {
                        continue;
                    }
                    for (int x = 0; x < w; x++) {
                        int sx = (p.flip() ? w - 1 - x : x) + p.dx();
                        if (sx >= 0 && sx < w) {
                            out[base + y * w + x] = batch[base + sy * w + sx];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** SplitMix64's generator step (increment, then finaliser): draws do not depend on java.util.Random's state order. */
    private static long mix(long z) {
        return CounterRandom.mix(z + CounterRandom.GOLDEN);
    }
}
