package org.bayes2imc.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bayes2imc.imc.DeployHardware;
import org.bayes2imc.imc.DeploySettings;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.metrics.Metrics;
import org.bayes2imc.study.SpreadDecomposition;

/**
 * The deploy command's results.json (docs/RESULTS.md, "deploy"): {@code hardware_corrected} only with a logit
 * correction, {@code spread_decomposition} only when the floor ran.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployResults(int schemaVersion, String command, DeploySettings settings, Software software,
                            DeployHardware hardware, DeploymentSummary hardwareCorrected,
                            SpreadDecomposition spreadDecomposition, Timing timing) {

    /** {@code software}: the S-member software ensemble on the same images. */
    public record Software(Metrics ensemble) {
    }
}
