package org.bayes2imc.train;

import org.bayes2imc.data.Normalisation;
import org.bayes2imc.model.BbnnModel;

import java.util.List;

/**
 * A finished training run: the model (with metadata and calibration temperature), the per-epoch reports, the
 * S-member ensemble's validation accuracy, the fitted temperature and the wall time of the training epochs.
 */
public record TrainResult(BbnnModel model, Normalisation normalisation, List<EpochReport> epochs,
                          double validationEnsembleAccuracy, double calibrationTemperature, double trainingSeconds,
                          PosteriorSummary posterior) {
}
