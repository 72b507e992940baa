package org.bayes2imc.data;

/**
 * Per-channel affine normalisation x' = (x − mean)/std, stored with the model so inference applies the same.
 * For tabular data (C = features, H = W = 1) it is the usual per-feature standardisation.
 */
public record Normalisation(float[] mean, float[] std) {

    public Normalisation {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("normalisation needs one mean and one std per channel");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("normalisation std must be positive");
            }
        }
    }

    public static Normalisation identity(int channels) {
        float[] m = new float[channels];
        float[] s = new float[channels];
        java.util.Arrays.fill(s, 1f);
        return new Normalisation(m, s);
    }

    /**
     * Per-channel mean and population standard deviation over all samples and pixels of {@code d} (fit it on the
     * training part only). A constant channel gets std 1 so it maps to 0 instead of dividing by zero.
     */
    public static Normalisation fit(Dataset d) {
        int c = d.channels();
        int plane = d.height() * d.width();
        double[] sum = new double[c];
        double[] sq = new double[c];
        float[] f = d.features();
        for (int n = 0; n < d.size(); n++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (n * c + ch) * plane;
                for (int i = 0; i < plane; i++) {
                    double v = f[base + i];
                    sum[ch] += v;
                    sq[ch] += v * v;
                }
            }
        }
        double count = (double) d.size() * plane;
        if (count == 0) {
            throw new IllegalArgumentException(d.name() + ": cannot fit a normalisation on an empty dataset");
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / count;
            double var = Math.max(0, sq[ch] / count - m * m);
            mean[ch] = (float) m;
            double s = Math.sqrt(var);
            std[ch] = s > 1e-12 * Math.max(1, Math.abs(m)) ? (float) s : 1f;
        }
        return new Normalisation(mean, std);
    }

    /** Returns a normalised copy of the dataset's features. */
    public float[] apply(Dataset d) {
        if (mean.length != d.channels()) {
            throw new IllegalArgumentException(d.name() + ": normalisation has " + mean.length + " channels, data has " + d.channels());
        }
        return apply(d.features(), d.height() * d.width());
    }

    /** Returns a normalised copy of a batch laid out N,C,H,W with C = {@code mean().length} and H·W = plane. */
    public float[] apply(float[] batch, int plane) {
        int c = mean.length;
        if (plane <= 0 || batch.length % (c * plane) != 0) {
            throw new IllegalArgumentException("batch of " + batch.length + " values is not N x " + c + " x " + plane);
        }
        float[] out = new float[batch.length];
        for (int base = 0; base < batch.length; base += plane) {
            int ch = (base / plane) % c;
            float m = mean[ch];
            float inv = 1f / std[ch];
            for (int i = 0; i < plane; i++) {
                out[base + i] = (batch[base + i] - m) * inv;
            }
        }
        return out;
    }
}
