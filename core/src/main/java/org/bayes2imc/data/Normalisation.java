package org.bayes2imc.data;

/** Per-channel affine normalisation x' = (x − mean)/std, stored with the model so inference applies the same. */
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

    /** Returns a normalised copy of the dataset's features. */
    public float[] apply(Dataset d) {
        float[] out = new float[d.features().length];
        int plane = d.height() * d.width();
        int sample = d.sampleSize();
        if (mean.length != d.channels()) {
            throw new IllegalArgumentException(d.name() + ": normalisation has " + mean.length + " channels, data has " + d.channels());
        }
        for (int n = 0; n < d.size(); n++) {
            for (int c = 0; c < d.channels(); c++) {
                int base = n * sample + c * plane;
                float m = mean[c];
                float inv = 1f / std[c];
                for (int i = 0; i < plane; i++) {
                    out[base + i] = (d.features()[base + i] - m) * inv;
                }
            }
        }
        return out;
    }
}
