package org.bayes2imc.data;

/**
 * How the 8×8 UCI digits become 28×28 images comparable with (Fashion-)MNIST when used as out-of-distribution data
 * [choice]. Bilinear interpolation uses half-pixel centres with edge clamping (PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False)}), so a constant image stays constant.
 */
public enum DigitsResampling {
    /**
     * Default: bilinear to 20×20, then 4 zero pixels on each side, like MNIST's digits which sit centred in a
     * 20×20 box of the 28×28 frame (LeCun et al. 1998).
     */
    MNIST_BOX,
    /** Bilinear to the full 28×28 frame (the digit touches the border). */
    BILINEAR_FULL,
    /** Nearest neighbour to the full 28×28 frame (blocky, keeps the 17 intensity levels). */
    NEAREST_FULL;

    public static final int SIDE = 28;
    /** Side of the centred box used by {@link #MNIST_BOX}. */
    public static final int MNIST_BOX_SIDE = 20;

    /** Resamples N single-channel images of side {@code from} to 28×28 (returns N·784 values). */
    public float[] apply(float[] images, int n, int from) {
        float[] out = new float[n * SIDE * SIDE];
        int inner = this == MNIST_BOX ? MNIST_BOX_SIDE : SIDE;
        int pad = (SIDE - inner) / 2;
        float[] tmp = new float[inner * inner];
        for (int k = 0; k < n; k++) {
            resize(images, k * from * from, from, tmp, inner, this != NEAREST_FULL);
            for (int y = 0; y < inner; y++) {
                System.arraycopy(tmp, y * inner, out, k * SIDE * SIDE + (y + pad) * SIDE + pad, inner);
            }
        }
        return out;
    }

    /** Square resize of one image from side {@code s} to side {@code d}. */
    static void resize(float[] src, int off, int s, float[] dst, int d, boolean bilinear) {
        double scale = (double) s / d;
        for (int y = 0; y < d; y++) {
            for (int x = 0; x < d; x++) {
                if (!bilinear) {
                    int sy = Math.min(s - 1, (int) Math.floor((y + 0.5) * scale));
                    int sx = Math.min(s - 1, (int) Math.floor((x + 0.5) * scale));
                    dst[y * d + x] = src[off + sy * s + sx];
                    continue;
                }
                double fy = clamp((y + 0.5) * scale - 0.5, s - 1);
                double fx = clamp((x + 0.5) * scale - 0.5, s - 1);
                int y0 = (int) fy;
                int x0 = (int) fx;
                int y1 = Math.min(y0 + 1, s - 1);
                int x1 = Math.min(x0 + 1, s - 1);
                double wy = fy - y0;
                double wx = fx - x0;
                double top = src[off + y0 * s + x0] * (1 - wx) + src[off + y0 * s + x1] * wx;
                double bottom = src[off + y1 * s + x0] * (1 - wx) + src[off + y1 * s + x1] * wx;
                dst[y * d + x] = (float) (top * (1 - wy) + bottom * wy);
            }
        }
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
