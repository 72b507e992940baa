package org.bayes2imc.cli.demo;

import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.sweep.ExperimentFile;
import org.bayes2imc.sweep.SweepOutput;
import org.bayes2imc.sweep.SweepRow;
import org.bayes2imc.sweep.spark.SparkSweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo's design-space mini-sweep (docs/SWEEP.md "Demo"): 16 cells (design × read time × S × sparsity) of the
 * demo model on embedded Spark, into {@code DIR/sweep/}; the report shows its Pareto fronts. Resumable like every
 * sweep: a rerun skips the finished cells.
 */
public final class SweepStep {
    /** Unlabelled training images per cell (activation ranges): every deployment reads them, so they are few. */
    static final int CALIBRATION_IMAGES = 64;

    /** The demo's experiment: K = 2, S 2 or 8, few images, no floor, so the 16 cells stay well under a minute of CPU. */
    static String experiment(Path model, Path dataDir, int limit, int oodLimit, int calibrationImages, long seed) {
        return "# the demo's design-space sweep (written by bayes2imc demo; docs/SWEEP.md)\n"
                + "models: [\"" + model.toAbsolutePath() + "\"]\n"
                + "data: {dataset: fashion-mnist, limit: " + limit + ", ood: digits, ood_limit: " + oodLimit
                + ", calibration_images: " + calibrationImages + ", data_dir: \"" + dataDir.toAbsolutePath() + "\"}\n"
                + "seed: " + seed + "\n"
                + "fixed: {deployments: 2, floor: false}\n"
                + "grid:\n"
                + "  design: [bayes2imc, sram]\n"
                + "  time: [20s, 10y]\n"
                + "  samples: [2, 8]\n"
                + "  sparsity: [none, ls+rs]\n";
    }

    private SweepStep() {
    }

    /** Writes {@code dir/experiment.yaml} and runs it on local[threads]; returns the rows. */
    public static List<SweepRow> run(Path model, Path dataDir, Path dir, int limit, int oodLimit, long seed, int threads) {
        Path file = dir.resolve("experiment.yaml");
        AtomicFiles.writeString(file, experiment(model, dataDir, limit, oodLimit, CALIBRATION_IMAGES, seed));
        return SparkSweep.run(ExperimentFile.read(file), new SweepOutput(dir), "local[" + threads + "]", Map.of(), r -> { });
    }
}
