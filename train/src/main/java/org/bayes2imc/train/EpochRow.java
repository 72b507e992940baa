package org.bayes2imc.train;

/**
 * One epoch's row of a model's (and a checkpoint's) {@code history} (docs/MODEL.md §2.2; {@code bayes2imc} metadata of the model file): the
 * {@link EpochReport} without the full posterior summary.
 */
public record EpochRow(int epoch, double trainLoss, double trainAccuracy, double imagesPerSecond, double seconds,
                       double validationModeAccuracy, double probabilisticFraction) {

    static EpochRow of(EpochReport r) {
        return new EpochRow(r.epoch(), r.trainLoss(), r.trainAccuracy(), r.imagesPerSecond(), r.seconds(),
                r.validationModeAccuracy(), r.posterior().fraction01());
    }
}
