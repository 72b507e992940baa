package org.bayes2imc.train;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;

import java.util.Arrays;
import java.util.Locale;

/**
 * Training-throughput benchmark (not a test): images/s of BayesBiNN training of the default small network with the
 * default settings, median of several 1-epoch runs on a 3,000-image Fashion-MNIST subset (the epoch's images/s
 * excludes data loading, validation and calibration). Run from the worktree root:
 * <pre>
 * mvn -B -q -pl train -am test-compile
 * mvn -B -q -pl train dependency:build-classpath -Dmdep.outputFile=/tmp/cp -Dmdep.includeScope=test
 * java -Dai.djl.offline=true -cp train/target/test-classes:train/target/classes:core/target/classes:$(cat /tmp/cp) \
 *      org.bayes2imc.train.TrainBench [repeats=3] [arch=fmnist-small] [threads=N]
 * </pre>
 */
public final class TrainBench {
    public static void main(String[] args) {
        int repeats = 3;
        String arch = "fmnist-small";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "repeats" -> repeats = Integer.parseInt(kv[1]);
                case "arch" -> arch = kv[1];
                case "threads" -> System.setProperty("ai.djl.pytorch.num_threads", kv[1]);
                default -> throw new IllegalArgumentException("unknown " + a);
            }
        }
        Dataset train = Datasets.load("fashion-mnist", "train", Datasets.defaultDataDir());
        TrainConfig d = TrainConfig.defaults();
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            TrainConfig cfg = new TrainConfig(arch, d.dataset(), 1, d.batchSize(), 1 + i, d.validationFraction(), 3400, 1, d.optimizer());
            TrainResult r = new Trainer(cfg, null, null).train(train, null, false);
            rates[i] = r.epochs().get(0).imagesPerSecond();
            System.out.printf(Locale.ROOT, "run %d: %.1f images/s%n", i + 1, rates[i]);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "TrainBench %s batch %d: median %.1f images/s over %d runs (min %.1f, max %.1f), %d cores%n",
                arch, d.batchSize(), rates[repeats / 2], repeats, rates[0], rates[repeats - 1], Runtime.getRuntime().availableProcessors());
    }
}
