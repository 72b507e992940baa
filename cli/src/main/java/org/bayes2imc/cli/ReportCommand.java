package org.bayes2imc.cli;

import org.bayes2imc.report.DesignSpacePage;
import org.bayes2imc.report.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bayes2imc report DIR}: rebuilds report.html and the CSV files from DIR/results.json without recomputing. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild the self-contained HTML report (report.html) and its CSV files from DIR/results.json, "
                + "so a long run's figures can be re-plotted without recomputing; for a sweep's folder (DIR/sweep.csv) "
                + "build its design-space page (design-space.html: Pareto fronts, sensitivities, sortable table).")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "results directory holding results.json, or a sweep's output folder")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // a sweep's folder (sweep.csv) gets its design-space page; a results folder its report; a folder may hold both
        boolean sweep = DesignSpacePage.applies(dir);
        if (sweep) {
            spec.commandLine().getOut().println("design space: " + DesignSpacePage.build(dir).toAbsolutePath());
        }
        if (!sweep || java.nio.file.Files.exists(dir.resolve(ReportBuilder.RESULTS_FILE))) {
            Path report = ReportBuilder.build(dir);
            spec.commandLine().getOut().println("report: " + report.toAbsolutePath());
        }
        return 0;
    }
}
