package org.bayes2imc.train;

import org.bayes2imc.data.Normalisation;

import java.util.List;

/**
 * What a trained model file records about its training (docs/MODEL.md §2.2; {@code bayes2imc} metadata of the model file), before calibration adds
 * {@code calibration}, {@code validation}, {@code validation_accuracy} and {@code posterior}.
 */
public record ModelMetadata(String dataset, Normalisation normalisation, TrainingRecord training, long seed, int epochs,
                            double trainingSeconds, List<EpochRow> history) {
}
