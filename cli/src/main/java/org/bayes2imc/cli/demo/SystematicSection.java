package org.bayes2imc.cli.demo;

import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.study.SpreadDecomposition;

/**
 * results.json {@code systematic} (docs/RESULTS.md): the demo's study of systematic deployment variation, read at
 * {@code timeSeconds} without drift compensation from a mapping designed for {@code designTimeSeconds}.
 */
public record SystematicSection(double timeSeconds, double designTimeSeconds, String compensation, int images,
                                int deployments, DeploymentSummary hardware, DeploymentSummary hardwareCorrected,
                                SpreadDecomposition spreadDecomposition) {
}
