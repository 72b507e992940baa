package org.bayes2imc.bench;

import org.bayes2imc.data.Dataset;

/**
 * A grey image set shaped to a larger colour input (issue 17: Fashion-MNIST 28×28×1 → 32×32×3 for VGGBinaryConnect
 * when CIFAR-10 is not at hand): each image centred on a zero border and its one channel copied to every channel.
 */
public final class PaddedImages {
    private PaddedImages() {
    }

    /** {@code d} (one channel) centred in channels × height × width; throws when it does not fit. */
    public static Dataset of(Dataset d, int channels, int height, int width) {
        if (d.channels() == channels && d.height() == height && d.width() == width) {
            return d;
        }
        if (d.channels() != 1 || d.height() > height || d.width() > width) {
            throw new IllegalArgumentException("dataset " + d.name() + " (" + d.channels() + "x" + d.height() + "x"
                    + d.width() + ") cannot be padded to " + channels + "x" + height + "x" + width);
        }
        int top = (height - d.height()) / 2;
        int left = (width - d.width()) / 2;
        int plane = height * width;
        int n = d.size();
        float[] src = d.features();
        float[] out = new float[n * channels * plane];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < d.height(); y++) {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(src, (i * d.height() + y) * d.width(), out,
                            (i * channels + c) * plane + (top + y) * width + left, d.width());
                }
            }
        }
        return new Dataset(d.name() + "-padded-" + channels + "x" + height + "x" + width, channels, height, width,
                d.classes(), out, d.labels().clone());
    }
}
