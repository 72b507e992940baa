package org.bayes2imc.data;

import java.util.Arrays;

/**
 * A labelled image (or tabular) set held in memory: N samples of C×H×W floats, row-major (sample, channel, row,
 * column) as PyTorch's NCHW. Image pixels are in [0, 1] before normalisation; tabular rows use C = features,
 * H = W = 1.
 */
public record Dataset(String name, int channels, int height, int width, int classes, float[] features, int[] labels) {

    public Dataset {
        int d = channels * height * width;
        if (d <= 0 || features.length != (long) d * labels.length) {
            throw new IllegalArgumentException(name + ": " + features.length + " values do not make "
                    + labels.length + " samples of " + channels + "x" + height + "x" + width);
        }
    }

    public int size() {
        return labels.length;
    }

    /** Values per sample (C·H·W). */
    public int sampleSize() {
        return channels * height * width;
    }

    /** Samples [from, to) as a new dataset (copied). */
    public Dataset slice(int from, int to) {
        int d = sampleSize();
        return new Dataset(name, channels, height, width, classes,
                Arrays.copyOfRange(features, from * d, to * d), Arrays.copyOfRange(labels, from, to));
    }

    /** The samples at the given indices, in that order (copied). */
    public Dataset select(int[] indices) {
        int d = sampleSize();
        float[] f = new float[indices.length * d];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * d, f, i * d, d);
            l[i] = labels[indices[i]];
        }
        return new Dataset(name, channels, height, width, classes, f, l);
    }
}
