package org.bayes2imc.train;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A model's {@code training} metadata: the run's {@link TrainConfig} keys followed by what the run derived from the
 * data (docs/MODEL.md §2.2: N of the natural gradient is the training images times the dataset scale).
 */
public record TrainingRecord(@JsonUnwrapped TrainConfig config, int trainImages, int validationImages,
                             double datasetSizeN, String trainer) {
    public static final String TRAINER = "bayes2imc BayesBiNN on DJL/PyTorch CPU";
}
