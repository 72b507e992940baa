package org.bayes2imc.cli;

import org.bayes2imc.io.Progress;
import org.bayes2imc.sweep.Experiment;
import org.bayes2imc.sweep.ExperimentFile;
import org.bayes2imc.sweep.InProcessSweep;
import org.bayes2imc.sweep.SweepOutput;
import org.bayes2imc.sweep.SweepRow;
import org.bayes2imc.sweep.spark.SparkSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bayes2imc sweep FILE --out DIR}: every cell of an experiment file on Spark (docs/SWEEP.md), resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every cell of an experiment file (YAML/JSON: models, data, fixed settings, a grid or a list "
                + "of cells; docs/SWEEP.md): the functional study and the PPA projection of each configuration, one row "
                + "per cell in DIR/sweep.csv and DIR/sweep.parquet. Runs on Apache Spark (embedded local[*] by default, "
                + "or --master spark://..., yarn, k8s://...). Rerunning skips finished cells.")
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "experiment file (.yaml or .json)")
    Path file;

    @Option(names = "--out", required = true, description = "output directory (rows, table, report)")
    Path out;

    @Option(names = "--master", defaultValue = "local[*]",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark configuration, repeatable (e.g. spark.executor.memory=4g)")
    List<String> conf = new java.util.ArrayList<>();

    @Option(names = "--engine", defaultValue = "spark",
            description = "spark | in-process (the same cells one after the other in this JVM, no Spark) (default: ${DEFAULT-VALUE})")
    String engine;

    @Override
    public Integer call() {
        Map<String, String> sparkConf = new LinkedHashMap<>();
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || !kv.startsWith("spark.")) {
                throw new IllegalArgumentException("--conf '" + kv + "' must read spark.key=value");
            }
            sparkConf.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (!engine.equals("spark") && !engine.equals("in-process")) {
            throw new IllegalArgumentException("--engine must be spark or in-process, got '" + engine + "'");
        }
        Experiment e = ExperimentFile.read(file); // every key and value checked before anything runs
        OutputDir.claim("--out", out);
        SweepOutput o = new SweepOutput(out);
        int total = e.cells().size();
        int pending = o.pending(e).size();
        System.out.printf(Locale.ROOT, "sweep %s: %d cells, %d to run (%d finished), engine %s%n", file, total, pending,
                total - pending, engine.equals("spark") ? "Spark " + master : "in-process");
        long t0 = System.nanoTime();
        List<SweepRow> rows;
        try (Progress.Task task = ConsoleProgress.INSTANCE.start("sweep", pending)) {
            java.util.function.Consumer<SweepRow> onRow = r -> {
                task.step(1);
                if (!r.ok()) {
                    System.err.println("bayes2imc: cell " + r.index() + " (" + r.cellId() + ") failed: " + r.error());
                }
            };
            rows = engine.equals("spark") ? SparkSweep.run(e, o, master, sparkConf, onRow) : InProcessSweep.run(e, o, onRow);
        }
        long failed = rows.stream().filter(r -> !r.ok()).count();
        System.out.println("design space: " + org.bayes2imc.report.DesignSpacePage.build(out));
        System.out.printf(Locale.ROOT, "%d rows (%d failed) in %.1f s: %s%n", rows.size(), failed,
                (System.nanoTime() - t0) / 1e9, out.resolve(SweepOutput.CSV));
        return failed == 0 ? 0 : 1;
    }
}
