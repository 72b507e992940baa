package org.bayes2imc.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.bayes2imc.bench.Timings;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Normalisation;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Training throughput (issue 17): images/s of our BayesBiNN training step ({@link BayesBiNNStep}, the step
 * {@link Trainer} runs) against {@link PlainAdamTraining} on the same network, batch size, images and image order, in
 * one process; R repeats of one pass over the images each, the two paths interleaved per repeat so that slow periods
 * of a shared machine hit both. Timed: batch assembly from the normalised training array and the whole step (data
 * loading, normalisation, validation and calibration are not part of a step and stay untimed). Also the per-phase
 * profile of our step ({@link StepPhases}) over the timed repeats, and process CPU seconds (which survive other jobs'
 * load better than wall time).
 */
public final class TrainThroughput {
    private TrainThroughput() {
    }

    /**
     * @param config  architecture, batch size, seed and optimizer settings (epochs and limit are ignored)
     * @param images  the training images (already limited), normalised here as the trainer does
     * @param repeats timed passes per path (medians reported)
     * @param warmup  untimed steps per path first (engine load, JIT, allocator warm-up)
     */
    public static TrainThroughputResult run(TrainConfig config, Dataset images, int repeats, int warmup,
                                            Consumer<String> log) {
        return run(config, images, repeats, warmup, false, log);
    }

    /**
     * @param fusedVariant also time our step with PyTorch's fused batch_norm kernel (a third path; it trains to other
     *                     bits, so {@link Trainer} does not use it)
     */
    public static TrainThroughputResult run(TrainConfig config, Dataset images, int repeats, int warmup,
                                            boolean fusedVariant, Consumer<String> log) {
        if (repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("repeats must be >= 1 and warm-up >= 0");
        }
        TorchThreads.requestDefault();
        Architecture a = Trainer.resolveArchitecture(config.architecture(), images);
        int batch = config.batchSize();
        int steps = images.size() / batch;
        if (steps < 1) {
            throw new org.bayes2imc.io.InvalidSetting("limit", images.size() + " images are fewer than one batch of " + batch);
        }
        float[] x = Normalisation.fit(images).apply(images);
        int[] y = images.labels();
        int[] order = Trainer.permutation(images.size(), config.seed());
        Engine engine = Engine.getEngine("PyTorch");
        double datasetSize = images.size() * config.optimizer().datasetScale();
        double[] oursWall = new double[repeats];
        double[] plainWall = new double[repeats];
        double[] oursCpu = new double[repeats];
        double[] plainCpu = new double[repeats];
        double[] fusedWall = new double[repeats];
        double[] fusedCpu = new double[repeats];
        StepPhases phases = new StepPhases();
        try (NDManager base = engine.newBaseManager();
             PlainAdamTraining plain = new PlainAdamTraining(a, batch)) {
            for (int r = -1; r < repeats; r++) {
                boolean warm = r < 0;
                int n = warm ? Math.min(warmup, steps) : steps;
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                oursPass(engine, base, a, config, datasetSize, x, y, order, n, steps, warm ? null : phases, false);
                long t1 = System.nanoTime();
                long c1 = cpuNanos();
                for (int s = 0; s < n; s++) {
                    plain.step(x, y, order, s * batch);
                }
                long t2 = System.nanoTime();
                long c2 = cpuNanos();
                if (fusedVariant) {
                    oursPass(engine, base, a, config, datasetSize, x, y, order, n, steps, null, true);
                }
                long t3 = System.nanoTime();
                long c3 = cpuNanos();
                if (!warm) {
                    oursWall[r] = (t1 - t0) / 1e9;
                    plainWall[r] = (t2 - t1) / 1e9;
                    oursCpu[r] = (c1 - c0) / 1e9;
                    plainCpu[r] = (c2 - c1) / 1e9;
                    fusedWall[r] = (t3 - t2) / 1e9;
                    fusedCpu[r] = (c3 - c2) / 1e9;
                    log.accept(String.format(Locale.ROOT, "  repeat %d: BayesBiNN %.2f s (%.1f CPU s), plain Adam %.2f s (%.1f CPU s)",
                            r + 1, oursWall[r], oursCpu[r], plainWall[r], plainCpu[r]));
                    if (fusedVariant) {
                        log.accept(String.format(Locale.ROOT, "  repeat %d: BayesBiNN with fused BatchNorm %.2f s (%.1f CPU s)",
                                r + 1, fusedWall[r], fusedCpu[r]));
                    }
                }
            }
        }
        int timed = steps * batch;
        Timings ow = new Timings(oursWall);
        Timings pw = new Timings(plainWall);
        Timings oc = new Timings(oursCpu);
        Timings pc = new Timings(plainCpu);
        return new TrainThroughputResult(a.name(), a.weightCount(), batch, images.size(), steps, repeats, warmup,
                config.optimizer().mcSamples(), ai.djl.pytorch.jni.JniUtils.getNumThreads(),
                ai.djl.pytorch.jni.JniUtils.getNumInteropThreads(), engine.getVersion(),
                Runtime.getRuntime().availableProcessors(), cpuModel(),
                TrainThroughputResult.Path.of(ow, oc, timed), TrainThroughputResult.Path.of(pw, pc, timed),
                ow.median() / pw.median(), oc.median() / pc.median(), phases.millisPerStep(),
                fusedVariant ? TrainThroughputResult.Path.of(new Timings(fusedWall), new Timings(fusedCpu), timed) : null,
                PlainAdamTraining.class.getSimpleName() + ": float32 weights, DJL Trainer, Adam lr 1e-3, "
                        + "softmax cross-entropy, DJL BatchNorm without scale/shift");
    }

    /** {@code n} steps of a fresh BayesBiNN run (λ, BatchNorm state as a fresh {@link Trainer} has them). */
    private static void oursPass(Engine engine, NDManager parent, Architecture a, TrainConfig config, double datasetSize,
                                 float[] x, int[] y, int[] order, int n, int stepsPerPass, StepPhases phases,
                                 boolean fusedBatchNorm) {
        try (NDManager m = parent.newSubManager()) {
            BayesBiNNOptimizer opt = BayesBiNNOptimizer.fresh(m, config.optimizer(), datasetSize,
                    Math.toIntExact(a.weightCount()), new SplittableRandom(config.seed()));
            BbnnModel z = BbnnModel.zeros(a);
            float[][] mean = new float[a.depth()][];
            float[][] var = new float[a.depth()][];
            for (int i = 0; i < a.depth(); i++) {
                mean[i] = z.bnMean(i);
                var[i] = z.bnVar(i);
            }
            BatchNormState bn = new BatchNormState(m, a, mean, var);
            BayesBiNNStep step = new BayesBiNNStep(engine, m, a, bn, opt, config.seed(), config.batchSize(),
                    config.optimizer().mcSamples(), phases, fusedBatchNorm);
            for (int s = 0; s < n; s++) {
                step.run(x, y, order, s * config.batchSize(),
                        BayesBiNNOptimizer.cosineLearningRate(config.optimizer().learningRate(), s, stepsPerPass));
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux: leave unknown
        }
        return "unknown";
    }
}
