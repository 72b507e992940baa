package org.bayes2imc.sweep;

import org.bayes2imc.data.Dataset;

import java.io.Serializable;

/** A {@link Dataset} in serialisable form, so the driver can broadcast the evaluation images to every executor once. */
public record DatasetData(String name, int channels, int height, int width, int classes, float[] features, int[] labels)
        implements Serializable {

    public static DatasetData of(Dataset d) {
        return d == null ? null : new DatasetData(d.name(), d.channels(), d.height(), d.width(), d.classes(), d.features(), d.labels());
    }

    public Dataset toDataset() {
        return new Dataset(name, channels, height, width, classes, features, labels);
    }
}
