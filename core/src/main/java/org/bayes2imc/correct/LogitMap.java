package org.bayes2imc.correct;

import java.util.Arrays;

/**
 * A per-logit affine map z' = scale·z + shift applied digitally after the final layer: two operations per logit
 * at inference, which is all the Bayes2IMC logit correction costs (docs/MODEL.md §7).
 */
public record LogitMap(float[] scale, float[] shift) {

    public LogitMap {
        if (scale.length != shift.length) {
            throw new IllegalArgumentException("logit map needs one scale and one shift per logit");
        }
    }

    public static LogitMap identity(int classes) {
        float[] s = new float[classes];
        Arrays.fill(s, 1f);
        return new LogitMap(s, new float[classes]);
    }

    public int classes() {
        return scale.length;
    }

    /** Applies the map in place to row-major logits (rows × classes). */
    public void applyInPlace(float[] logits) {
        int c = scale.length;
        if (logits.length % c != 0) {
            throw new IllegalArgumentException("logits length " + logits.length + " is not a multiple of " + c);
        }
        for (int i = 0; i < logits.length; i += c) {
            for (int k = 0; k < c; k++) {
                logits[i + k] = scale[k] * logits[i + k] + shift[k];
            }
        }
    }

    public float[] apply(float[] logits) {
        float[] out = logits.clone();
        applyInPlace(out);
        return out;
    }
}
