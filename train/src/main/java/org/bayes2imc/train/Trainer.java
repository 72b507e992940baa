package org.bayes2imc.train;

import org.bayes2imc.random.CounterRandom;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Normalisation;
import org.bayes2imc.io.InputException;
import org.bayes2imc.model.TemperatureCalibration;
import org.bayes2imc.io.Json;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.TemperatureScaling;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a BBNN with BayesBiNN (docs/MODEL.md §2.2) on DJL/PyTorch CPU: seeded validation split, per-channel normalisation
 * fitted on the training part, cosine learning rate per step, a checkpoint after every epoch, {@code resume}, and at
 * the end a temperature fitted on the validation split to an S-member ensemble (docs/MODEL.md §2.4).
 * <p>
 * Determinism: the split, the data order (per epoch), λ init and every ε (per step and MC sample) come from
 * SplittableRandom streams derived from the seed and the epoch/step counters, and ε is uploaded from Java, so no
 * PyTorch RNG is used. For a given seed and PyTorch thread count the run is bit-reproducible and a resumed run
 * equals an uninterrupted one; across thread counts PyTorch's float reductions may order sums differently, so
 * results agree only to rounding.
 */
public final class Trainer {
    private static final long SPLIT_SALT = 0x5111_7A11L;
    private static final long ORDER_SALT = 0x0DE2_0DE2L;
    private static final long NOISE_SALT = 0x0E05_E5E5L;
    private static final long INIT_SALT = 0x1A17_1A17L;
    private static final long CALIBRATION_SALT = 0xCA11_B2A7L;

    private final TrainConfig config;
    private final Progress progress;
    private final Consumer<String> log;

    /** @param log receives one line per epoch and at the end (loss, accuracy, images/s, posterior) */
    public Trainer(TrainConfig config, Progress progress, Consumer<String> log) {
        TorchThreads.requestDefault();
        this.config = config;
        this.progress = progress == null ? Progress.NONE : progress;
        this.log = log == null ? s -> { } : log;
    }

    /** The seeded split of a training set: training part and validation part. */
    public record Split(Dataset train, Dataset validation) {
    }

    /** Holds out {@code validationFraction} of the (limited) set, chosen by the seed. */
    public Split split(Dataset full) {
        int n = config.limit() > 0 ? Math.min(config.limit(), full.size()) : full.size();
        int[] perm = permutation(full.size(), mix(config.seed(), SPLIT_SALT));
        int val = (int) Math.round(n * config.validationFraction());
        if (val < 1 || n - val < config.batchSize()) {
            throw new org.bayes2imc.io.InvalidSetting("limit", n + " leaves too few images for a validation split and one batch of " + config.batchSize());
        }
        int[] v = java.util.Arrays.copyOfRange(perm, 0, val);
        int[] t = java.util.Arrays.copyOfRange(perm, val, n);
        return new Split(full.select(t), full.select(v));
    }

    /** Per-channel mean and standard deviation of a dataset (the data layer's {@link Normalisation#fit}). */
    public static Normalisation fitNormalisation(Dataset d) {
        return Normalisation.fit(d);
    }

    /** The configured architecture, adapted to the dataset's input shape and class count for named networks. */
    public static Architecture resolveArchitecture(String spec, Dataset d) {
        Architecture a = Architectures.parse(spec);
        if (a.channels() != d.channels() || a.height() != d.height() || a.width() != d.width() || a.classes() != d.classes()) {
            if (spec.trim().toLowerCase(Locale.ROOT).startsWith("custom:")) {
                throw new IllegalArgumentException("network '" + spec + "' does not match dataset " + d.name() + " ("
                        + d.channels() + "x" + d.height() + "x" + d.width() + ", " + d.classes() + " classes)");
            }
            a = Architectures.named(a.name(), d.channels(), d.height(), d.width(), d.classes());
        }
        return a;
    }

    /** Trains on {@code full} (the dataset's training split; validation is held out of it). */
    public TrainResult train(Dataset full, Path checkpointDir, boolean resume) {
        return train(full, checkpointDir, resume, config.epochs());
    }

    /**
     * As {@link #train(Dataset, Path, boolean)} but stops after {@code stopAfterEpochs} epochs, as if killed (for the
     * resume test); returns null when stopped before the last epoch.
     */
    TrainResult train(Dataset full, Path checkpointDir, boolean resume, int stopAfterEpochs) {
        Architecture a = resolveArchitecture(config.architecture(), full);
        Split split = split(full);
        Normalisation norm = fitNormalisation(split.train());
        float[] x = norm.apply(split.train());
        int[] y = split.train().labels();
        int nTrain = y.length;
        int classes = a.classes();
        int batch = config.batchSize();
        long stepsPerEpoch = nTrain / batch;
        long totalSteps = stepsPerEpoch * config.epochs();
        int weights = Math.toIntExact(a.weightCount());
        double datasetSize = nTrain * config.optimizer().datasetScale();

        Engine engine = Engine.getEngine("PyTorch");
        List<EpochReport> reports = new ArrayList<>();
        // every epoch's row of the model's "history", kept in the checkpoint so that a resumed run's model records
        // the epochs done before the interruption too (they are not in reports, which holds this process's epochs)
        List<EpochRow> history = new ArrayList<>();
        double trainingSeconds = 0;
        try (NDManager base = engine.newBaseManager()) {
            BayesBiNNOptimizer opt;
            BatchNormState bn;
            int startEpoch = 0;
            if (resume) {
                Checkpoint cp = Checkpoint.read(checkpointDir, a);
                if (!cp.info().config().equals(config)) {
                    throw new InputException(Checkpoint.file(checkpointDir), "checkpoint was written with different settings: "
                            + cp.info().config().toJson());
                }
                opt = new BayesBiNNOptimizer(base, config.optimizer(), datasetSize, cp.lambda(), cp.momentum(), cp.mu(), cp.step());
                bn = new BatchNormState(base, a, cp.bnMean(), cp.bnVar());
                startEpoch = cp.epochsDone();
                trainingSeconds = cp.info().trainingSeconds();
                history.addAll(cp.info().history());
                log.accept("resuming from " + Checkpoint.file(checkpointDir) + " after epoch " + startEpoch);
            } else {
                opt = BayesBiNNOptimizer.fresh(base, config.optimizer(), datasetSize, weights,
                        new SplittableRandom(mix(config.seed(), INIT_SALT)));
                BbnnModel z = BbnnModel.zeros(a);
                float[][] m = new float[a.depth()][];
                float[][] v = new float[a.depth()][];
                for (int i = 0; i < a.depth(); i++) {
                    m[i] = z.bnMean(i);
                    v[i] = z.bnVar(i);
                }
                bn = new BatchNormState(base, a, m, v);
            }
            // the mode accuracy on the validation split after the last epoch run here: the final model is that
            // epoch's snapshot, so calibration reuses it instead of a second identical pass (issue 17)
            Double lastValidationMode = null;
            BayesBiNNStep stepper = new BayesBiNNStep(engine, base, a, bn, opt, mix(config.seed(), NOISE_SALT), batch,
                    config.optimizer().mcSamples(), null);
            for (int epoch = startEpoch; epoch < Math.min(config.epochs(), stopAfterEpochs); epoch++) {
                int[] order = permutation(nTrain, mix(mix(config.seed(), ORDER_SALT), epoch));
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                long t0 = System.nanoTime();
                try (Progress.Task task = progress.start(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, config.epochs()),
                        stepsPerEpoch * batch)) {
                    for (long s = 0; s < stepsPerEpoch; s++) {
                        BayesBiNNStep.Outcome o = stepper.run(x, y, order, Math.toIntExact(s * batch),
                                BayesBiNNOptimizer.cosineLearningRate(config.optimizer().learningRate(), opt.step(), totalSteps));
                        lossSum += o.lossTimesBatch();
                        correct += o.correct();
                        seen += batch;
                        task.step(batch);
                        if (s % 20 == 0 || s == stepsPerEpoch - 1) {
                            double secs = (System.nanoTime() - t0) / 1e9;
                            task.message(String.format(Locale.ROOT, "loss %.3f acc %.1f%% %.0f img/s",
                                    lossSum / seen, 100.0 * correct / seen, seen / secs));
                        }
                    }
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                trainingSeconds += secs;
                BbnnModel snapshot = snapshot(a, opt.lambdaValues(), bn, Json.object());
                PosteriorSummary post = PosteriorSummary.of(snapshot);
                double valMode = accuracy(DjlForward.logits(snapshot, DjlForward.modeWeights(snapshot),
                        norm.apply(split.validation()), split.validation().size()), split.validation().labels(), classes);
                lastValidationMode = valMode;
                EpochReport r = new EpochReport(epoch + 1, lossSum / seen, (double) correct / seen, seen / secs, secs, valMode, post);
                reports.add(r);
                history.add(EpochRow.of(r));
                log.accept(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, train acc %.2f%%, %.0f img/s, %.1f s, val mode acc %.2f%%, %s",
                        r.epoch(), config.epochs(), r.trainLoss(), 100 * r.trainAccuracy(), r.imagesPerSecond(), secs,
                        100 * valMode, post.oneLine()));
                if (checkpointDir != null) {
                    new Checkpoint(opt.lambdaValues(), opt.momentumValues(), opt.muValues(), bn.means(), bn.vars(),
                            new CheckpointInfo(config, trainingSeconds, List.copyOf(history), epoch + 1, opt.step()))
                            .write(checkpointDir);
                }
            }
            if (stopAfterEpochs < config.epochs()) {
                return null;
            }
            ObjectNode meta = (ObjectNode) Json.tree(new ModelMetadata(config.dataset(), norm,
                    new TrainingRecord(config, split.train().size(), split.validation().size(), datasetSize, TrainingRecord.TRAINER),
                    config.seed(), config.epochs(), trainingSeconds, List.copyOf(history)));
            BbnnModel model = snapshot(a, opt.lambdaValues(), bn, meta);
            return calibrate(model, norm, split, reports, trainingSeconds, lastValidationMode);
        }
    }

    /** @param knownModeAccuracy the mode network's validation accuracy when already measured on this model, or null */
    private TrainResult calibrate(BbnnModel model, Normalisation norm, Split split, List<EpochReport> reports,
                                  double trainingSeconds, Double knownModeAccuracy) {
        Dataset val = split.validation();
        int classes = model.architecture().classes();
        SplittableRandom rng = new SplittableRandom(mix(config.seed(), CALIBRATION_SALT));
        float[][][] members = new float[config.calibrationSamples()][][];
        for (int k = 0; k < members.length; k++) {
            members[k] = DjlForward.sampleWeights(model, rng);
        }
        float[] xv = norm.apply(val);
        float[][] logits = DjlForward.ensembleLogits(model, members, xv, val.size());
        double t = TemperatureScaling.fit(logits, val.labels(), classes);
        double[] probs = TemperatureScaling.ensembleProbabilities(logits, classes, t);
        double ensAcc = accuracy(probs, val.labels(), classes);
        double modeAcc = knownModeAccuracy != null ? knownModeAccuracy
                : accuracy(DjlForward.logits(model, DjlForward.modeWeights(model), xv, val.size()), val.labels(), classes);
        TemperatureCalibration cal = new TemperatureCalibration(t, TemperatureCalibration.METHOD,
                TemperatureScaling.nll(logits, val.labels(), classes, 1.0),
                TemperatureScaling.nll(logits, val.labels(), classes, t), members.length);
        recordValidation(model, cal, new ValidationRecord(val.size(), modeAcc, ensAcc, members.length));
        PosteriorSummary post = PosteriorSummary.of(model);
        model.metadata().set("posterior", Json.tree(post));
        log.accept(String.format(Locale.ROOT, "validation: mode acc %.2f%%, ensemble (S=%d) acc %.2f%%, calibration T = %.3f (NLL %.4f -> %.4f); %s",
                100 * modeAcc, members.length, 100 * ensAcc, t, cal.validationNllRaw(),
                cal.validationNllCalibrated(), post.oneLine()));
        return new TrainResult(model, norm, List.copyOf(reports), ensAcc, t, trainingSeconds, post);
    }

    /** Adds the calibration and validation figures to a trained model's metadata (after its {@link ModelMetadata}). */
    static void recordValidation(BbnnModel model, TemperatureCalibration cal, ValidationRecord validation) {
        model.setCalibration(cal);
        model.metadata().set("validation", Json.tree(validation));
        model.metadata().set("validation_accuracy", Json.tree(validation.ensembleAccuracy()));
    }

    private static BbnnModel snapshot(Architecture a, float[] flat, BatchNormState bn, ObjectNode meta) {
        float[][] lam = new float[a.depth()][];
        int off = 0;
        for (int i = 0; i < a.depth(); i++) {
            int len = Math.toIntExact(a.layer(i).weightCount());
            lam[i] = java.util.Arrays.copyOfRange(flat, off, off + len);
            off += len;
        }
        return new BbnnModel(a, lam, bn.means(), bn.vars(), meta);
    }

    /** Top-1 accuracy of n × classes scores. */
    static double accuracy(float[] scores, int[] labels, int classes) {
        long ok = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (scores[i * classes + c] > scores[i * classes + best]) {
                    best = c;
                }
            }
            ok += best == labels[i] ? 1 : 0;
        }
        return (double) ok / labels.length;
    }

    static double accuracy(double[] scores, int[] labels, int classes) {
        float[] f = new float[scores.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) scores[i];
        }
        return accuracy(f, labels, classes);
    }

    /** Uniform noise in (0, 1), never 0 or 1 (24-bit grid offset by half a step). */
    static void fillNoise(float[] out, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < out.length; i++) {
            out[i] = ((r.nextInt() >>> 8) + 0.5f) * 0x1p-24f;
        }
    }

    static int[] permutation(int n, long seed) {
        return org.bayes2imc.data.Splits.permutation(n, new SplittableRandom(seed));
    }

    /** Mixes a seed with a counter (SplitMix64 finaliser) into an independent stream seed. */
    static long mix(long seed, long counter) {
        return CounterRandom.mix(seed * CounterRandom.GOLDEN + counter + 0x632BE59BD9B4E019L);
    }
}
