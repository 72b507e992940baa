package org.bayes2imc.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed, validated experiment file (docs/SWEEP.md): its cells in table order, and where the model files lie.
 *
 * @param file   the experiment file
 * @param models model path as written → resolved path
 * @param data   the evaluation data every cell uses
 * @param cells  every cell, index = position
 */
public record Experiment(Path file, java.util.Map<String, Path> models, EvaluationData data, List<Cell> cells) {
}
