package org.bayes2imc.study;

import org.bayes2imc.correct.LogitMap;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.EvaluationResult;

import java.util.List;

/**
 * What one programmed deployment gave at one time (docs/MODEL.md §5–§7): its figures raw and, when the study fits a
 * logit correction, corrected with the map fitted for it; the reference devices its compensation used; each layer's
 * plan; the seconds spent programming and realising it and evaluating the test and OOD sets; and, when the study
 * keeps them, its member logits (null otherwise).
 *
 * @param corrected null without a correction
 * @param map       null without a correction
 */
public record DeploymentRow(int index, EvaluationResult raw, EvaluationResult corrected, LogitMap map,
                            int referenceDevices, List<String> layerPlans, double programmingSeconds,
                            double evaluationSeconds, EnsembleLogits logits, EnsembleLogits oodLogits) {
}
