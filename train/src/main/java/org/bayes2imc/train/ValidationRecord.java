package org.bayes2imc.train;

/** A trained model's {@code validation} metadata: mode-network and ensemble accuracy on the validation split. */
public record ValidationRecord(int images, double modeAccuracy, double ensembleAccuracy, int ensembleSamples) {
}
