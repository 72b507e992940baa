package org.bayes2imc.cli;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.io.Json;
import org.bayes2imc.train.TorchThreads;
import org.bayes2imc.train.TrainConfig;
import org.bayes2imc.train.TrainThroughput;
import org.bayes2imc.train.TrainThroughputResult;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench --train} (issue 17): images/s of BayesBiNN training of the default model with the default settings
 * against a plain DJL Trainer + Adam loop of the same network ({@link TrainThroughput}), with our step's profile.
 */
final class TrainBench {
    /** results.json of {@code bench --train} (docs/RESULTS.md "TrainBenchResults"). */
    record Results(int schemaVersion, String command, String dataset, long seed, double loadAverageStart,
                   double loadAverageEnd, TrainThroughputResult train) {
    }

    private final BenchCommand cmd;
    private final TrainBenchOptions o;
    private final int threads;

    TrainBench(BenchCommand cmd, TrainBenchOptions options, int threads) {
        this.cmd = cmd;
        this.o = options;
        this.threads = threads;
    }

    int run() {
        Checks.count("--train-images", o.images, Integer.MAX_VALUE);
        if (o.warmup < 0) {
            throw new IllegalArgumentException("--train-warmup must be >= 0, got " + o.warmup);
        }
        TorchThreads.request(threads);
        double loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        OutputDir.claim("--out", cmd.out);
        Path dir = cmd.dataDir != null ? cmd.dataDir : Datasets.defaultDataDir();
        Dataset train = Datasets.load(cmd.dataset, "train", dir, o.images);
        TrainConfig d = TrainConfig.defaults();
        TrainConfig cfg = new TrainConfig(o.arch, cmd.dataset, 1, d.batchSize(), cmd.seed, d.validationFraction(),
                0, d.calibrationSamples(), d.optimizer());
        System.out.printf(Locale.ROOT, "bench --train: %s, batch %d, %d %s training images per pass, R=%d, warm-up %d steps%n",
                o.arch, cfg.batchSize(), train.size(), cmd.dataset, cmd.repeats, o.warmup);
        TrainThroughputResult r = TrainThroughput.run(cfg, train, cmd.repeats, o.warmup, o.fusedBatchNorm,
                System.out::println);
        Results res = new Results(1, "bench --train", cmd.dataset, cmd.seed, loadStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), r);
        System.out.printf(Locale.ROOT, "%s (%d cores), PyTorch %s, %d intra-op / %d inter-op threads; load average %.2f -> %.2f%n",
                r.cpuModel(), r.cores(), r.torchVersion(), r.torchIntraOpThreads(), r.torchInterOpThreads(),
                loadStart, res.loadAverageEnd());
        System.out.printf(Locale.ROOT, "%n%-22s %10s %12s %14s%n", "path", "median s", "images/s", "images/CPU-s");
        row("BayesBiNN (ours)", r.ours());
        row("plain Adam (DJL)", r.plainAdam());
        if (r.oursFusedBatchNorm() != null) {
            row("BayesBiNN, fused BN", r.oursFusedBatchNorm());
        }
        System.out.printf(Locale.ROOT, "plain / BayesBiNN: %.2fx (wall), %.2fx (CPU)%n", r.plainOverOursWall(), r.plainOverOursCpu());
        StringBuilder p = new StringBuilder("BayesBiNN step profile, ms per step:");
        double total = 0;
        for (Map.Entry<String, Double> e : r.oursMillisPerStep().entrySet()) {
            p.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue()));
            total += e.getValue();
        }
        System.out.println(p.append(String.format(Locale.ROOT, " (total %.2f)", total)));
        Path file = cmd.out.resolve("results.json");
        Json.write(file, res);
        System.out.println("wrote " + file);
        return 0;
    }

    private static void row(String name, TrainThroughputResult.Path p) {
        System.out.printf(Locale.ROOT, "%-22s %10.3f %12.1f %14.1f%n", name, p.medianSeconds(), p.imagesPerSecond(),
                p.imagesPerCpuSecond());
    }
}
