package org.bayes2imc.cli.demo;

import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.study.SpreadDecomposition;

/**
 * What the demo's hardware step gives (docs/RESULTS.md {@code hardware}, {@code hardware_corrected}, {@code spread_decomposition}),
 * stored by {@link StepCache}; {@code evaluationSeconds} is the time of the raw test and OOD passes.
 */
public record HardwareSection(double evaluationSeconds, DeploymentSummary hardware, DeploymentSummary hardwareCorrected,
                              SpreadDecomposition spreadDecomposition) {
}
