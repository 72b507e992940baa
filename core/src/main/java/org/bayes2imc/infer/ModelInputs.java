package org.bayes2imc.infer;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Normalisation;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;

/**
 * Prepares a dataset as a model's input: checks the shape against the architecture and applies the model's input
 * normalisation (metadata key {@code normalisation}: {@code {mean: [..], std: [..]}} per channel; identity when absent).
 */
public final class ModelInputs {
    private ModelInputs() {
    }

    /** The model's input normalisation from its metadata (identity when the key is absent). */
    public static Normalisation normalisation(BbnnModel model) {
        int c = model.architecture().channels();
        JsonNode n = model.metadata().path("normalisation");
        if (n.isMissingNode() || n.isNull()) {
            return Normalisation.identity(c);
        }
        JsonNode mean = n.path("mean");
        JsonNode std = n.path("std");
        if (!mean.isArray() || !std.isArray() || mean.size() != c || std.size() != c) {
            throw new IllegalArgumentException("model metadata 'normalisation' needs mean and std arrays of " + c + " values");
        }
        float[] m = new float[c];
        float[] s = new float[c];
        for (int i = 0; i < c; i++) {
            m[i] = (float) mean.get(i).asDouble();
            s[i] = (float) std.get(i).asDouble();
        }
        return new Normalisation(m, s);
    }

    /** Throws a one-line IllegalArgumentException when the dataset does not fit the model's input or classes. */
    public static void checkShape(BbnnModel model, Dataset data) {
        Architecture a = model.architecture();
        if (data.channels() != a.channels() || data.height() != a.height() || data.width() != a.width()) {
            throw new IllegalArgumentException("dataset " + data.name() + " is " + data.channels() + "x" + data.height() + "x"
                    + data.width() + " but the model expects " + a.channels() + "x" + a.height() + "x" + a.width());
        }
    }

    /** The normalised features of the dataset, [n × C·H·W], after {@link #checkShape}. */
    public static float[] normalised(BbnnModel model, Dataset data) {
        checkShape(model, data);
        return normalisation(model).apply(data);
    }
}
