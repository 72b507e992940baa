package org.bayes2imc.imc;

import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.EvaluationResult;

import java.util.List;

/**
 * What one deployment gave: its index, the metrics of its S-member hardware ensemble at the evaluation time, the
 * reference devices its drift compensation used, each layer's plan (fixed/shared/split/full), the simulation wall
 * time, and — when asked — its member logits on the test and OOD sets (null otherwise).
 */
public record DeploymentFigures(int index, EvaluationResult metrics, int referenceDevices, List<String> layerPlans,
                                double seconds, EnsembleLogits logits, EnsembleLogits oodLogits) {
}
