package org.bayes2imc.sweep.spark;

import org.apache.spark.sql.SparkSession;
import org.bayes2imc.data.TestData;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.ModelFile;
import org.bayes2imc.sweep.Cell;
import org.bayes2imc.sweep.Experiment;
import org.bayes2imc.sweep.ExperimentFile;
import org.bayes2imc.sweep.InProcessSweep;
import org.bayes2imc.sweep.SweepOutput;
import org.bayes2imc.sweep.SweepRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep benchmark (docs/SWEEP.md "Measured"; a benchmark, not a test): 24 cells of an fmnist-small model
 * (design × read time × S) run in-process, on local[1] and on local[2]: Spark's per-cell overhead over the in-process
 * study, the 1 → 2 executor-core speedup, and, from the measured MAC rate of a cell, a projection of a 1,000-cell
 * VGGBinaryConnect sweep (10,000 test images, S = 10, K = 10) in hours on N cores. Run with
 * <pre>
 * mvn -B -o -q -pl sweep -am test-compile
 * mvn -B -o -q -pl sweep dependency:build-classpath -Dmdep.outputFile=/tmp/cp -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java -Xmx3g --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 *     -cp sweep/target/test-classes:sweep/target/classes:$(cat /tmp/cp) org.bayes2imc.sweep.spark.SweepBench [OUT_DIR] [LIMIT]
 * </pre>
 */
public final class SweepBench {
    private SweepBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/sweep-bench");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        Files.createDirectories(dir);
        Architecture small = Architectures.parse(Architectures.FMNIST_SMALL);
        ModelFile.write(dir.resolve("small.safetensors"), HandmadeModels.of(small, 0.15, 7, TestData.fashionTrain(100)));
        Path exp = dir.resolve("bench.yaml");
        AtomicFiles.writeString(exp, "models: [small.safetensors]\n"
                + "data: {dataset: fashion-mnist, limit: " + limit + ", calibration_images: 64, data_dir: " + TestData.dataDir() + "}\n"
                + "fixed: {deployments: 2, floor: false}\n"
                + "grid:\n  design: [bayes2imc, sram]\n  time: [20s, 1d, 1y, 10y]\n  samples: [2, 4, 8]\n");
        Experiment e = ExperimentFile.read(exp);
        int cells = e.cells().size();

        long t0 = System.nanoTime();
        List<SweepRow> in = InProcessSweep.run(e, fresh(dir, "in-process"), r -> { });
        double inProcess = (System.nanoTime() - t0) / 1e9;
        double startup = sessionStartSeconds();
        double[] spark = new double[3];
        for (int cores : new int[] {1, 2}) {
            long t = System.nanoTime();
            List<SweepRow> rows = SparkSweep.run(e, fresh(dir, "local" + cores), "local[" + cores + "]", Map.of(), r -> { });
            spark[cores] = (System.nanoTime() - t) / 1e9;
            if (!rows.stream().map(SweepRow::withoutTiming).toList().equals(in.stream().map(SweepRow::withoutTiming).toList())) {
                throw new IllegalStateException("local[" + cores + "] rows differ from the in-process rows");
            }
        }
        // MAC rate of the in-process cells (one thread): test + calibration passes, S members, K deployments
        double macs = 0;
        double cellSeconds = 0;
        for (int i = 0; i < cells; i++) {
            Cell c = e.cells().get(i);
            SweepRow r = in.get(i);
            int images = r.figures().images() + 64;
            macs += (double) images * c.integer("samples") * c.integer("deployments") * small.macsPerImage();
            cellSeconds += r.seconds();
        }
        double rate = macs / cellSeconds;
        double perCellOverhead = (spark[1] - startup - inProcess) / cells;
        Architecture vgg = Architectures.parse(Architectures.VGG_BINARYCONNECT + ":10");
        double vggCellMacs = (10_000.0 + 256) * 10 * 10 * vgg.macsPerImage();
        System.out.printf(Locale.ROOT, "machine: %d processors, Java %s; %d cells of %s, %d test images + 64 calibration, K = 2%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), cells, Architectures.FMNIST_SMALL, limit);
        System.out.printf(Locale.ROOT, "in-process: %.1f s (%.2f s/cell; cells alone %.1f s)%n", inProcess, inProcess / cells, cellSeconds);
        System.out.printf(Locale.ROOT, "Spark session start + stop (empty): %.1f s%n", startup);
        System.out.printf(Locale.ROOT, "local[1]: %.1f s, local[2]: %.1f s; speedup 1 -> 2 executor cores %.2fx (%.2fx without session start)%n",
                spark[1], spark[2], spark[1] / spark[2], (spark[1] - startup) / (spark[2] - startup));
        System.out.printf(Locale.ROOT, "Spark overhead per cell over in-process (local[1], session start excluded): %.3f s (%.1f %% of a cell)%n",
                perCellOverhead, 100 * perCellOverhead / (inProcess / cells));
        System.out.printf(Locale.ROOT, "measured cell MAC rate: %.2f G MAC/s per core%n", rate / 1e9);
        System.out.printf(Locale.ROOT, "projection, 1,000 VGGBinaryConnect cells (10,000 test + 256 calibration images, S = 10, K = 10; "
                + "%.3g MAC/image, %.3g MAC/cell):%n", (double) vgg.macsPerImage(), vggCellMacs);
        for (int n : new int[] {2, 16, 64, 256, 1024}) {
            double hours = 1000 * (vggCellMacs / rate + Math.max(perCellOverhead, 0)) / n / 3600;
            System.out.printf(Locale.ROOT, "  %5d cores: %.1f h%n", n, hours);
        }
    }

    private static SweepOutput fresh(Path dir, String name) throws java.io.IOException {
        Path d = dir.resolve(name);
        if (Files.exists(d)) {
            try (var s = Files.walk(d)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return new SweepOutput(d);
    }

    private static double sessionStartSeconds() {
        long t = System.nanoTime();
        SparkSession s = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        s.sparkContext().parallelize(scala.jdk.javaapi.CollectionConverters.asScala(List.of(1)).toSeq(), 1,
                scala.reflect.ClassTag$.MODULE$.apply(Integer.class)).count();
        s.stop();
        return (System.nanoTime() - t) / 1e9;
    }
}
