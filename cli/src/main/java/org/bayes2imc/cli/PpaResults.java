package org.bayes2imc.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bayes2imc.hardware.PpaConfig;
import org.bayes2imc.hardware.PpaRatios;
import org.bayes2imc.hardware.PpaReport;
import org.bayes2imc.hardware.PpaRow;
import org.bayes2imc.hardware.PpaSweep;

import java.util.List;

/**
 * The ppa command's results.json (docs/RESULTS.md, "ppa"): the settings, the design's result and table row and, with
 * {@code --compare}, the baseline's result and the ratios; with {@code --sweep}, the sweep.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PpaResults(String command, Settings settings, String opsDefinition, PpaReport result, List<PpaRow> rows,
                         PpaReport compareResult, PpaRatios ratios, PpaSweep.Report sweep) {

    /** The settings; {@code model}, {@code compare} and {@code sweep} are null when not given. */
    public record Settings(String network, String model, double epsilon, String design, String compare, String mode,
                           String sparsity, int firstEnsemblingLayer,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double spRowFraction, int samples,
                           PpaConfig config, String components, String sweep) {
    }
}
