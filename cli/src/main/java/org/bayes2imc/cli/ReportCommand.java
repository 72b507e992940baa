package org.bayes2imc.cli;

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
                + "so a long run's figures can be re-plotted without recomputing.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "results directory holding results.json")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path report = ReportBuilder.build(dir);
        spec.commandLine().getOut().println("report: " + report.toAbsolutePath());
        return 0;
    }
}
