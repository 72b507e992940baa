package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bayes2imc.cli.Timing;
import org.bayes2imc.hardware.PpaTables;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.infer.SoftwareEvaluation;
import org.bayes2imc.sparsity.SparsityReport;
import org.bayes2imc.study.DriftRow;
import org.bayes2imc.study.SparsityComparison;
import org.bayes2imc.study.SpreadDecomposition;

import java.util.List;

/**
 * The demo's results.json (docs/RESULTS.md, "Top level of the demo"): written after every step, so a section is
 * absent (null) until its step has run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoResults(DemoSettings settings, int schemaVersion, String command,
                          SoftwareEvaluation.SoftwareResults software, DeploymentSummary hardware,
                          DeploymentSummary hardwareCorrected, SpreadDecomposition spreadDecomposition,
                          SystematicSection systematic, List<DriftRow> drift, SparsityReport sparsity,
                          SparsityComparison sparsityDeploy, PpaTables ppa, Timing timing) {
    public static final int SCHEMA_VERSION = 1;
}
