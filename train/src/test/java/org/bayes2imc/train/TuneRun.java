package org.bayes2imc.train;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.metrics.TemperatureScaling;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A tuning run (not a test): trains with the given settings and prints the test-set figures of issue 9
 * (mode vs S = 10 ensemble accuracy, NLL, ECE raw and calibrated, probabilistic fraction). Run with
 * {@code java -cp <test classpath> org.bayes2imc.train.TuneRun epochs=2 scale=1000 lr=0.01 [limit=N] [out=FILE]}.
 */
public final class TuneRun {
    public static void main(String[] args) {
        TrainConfig c = TrainConfig.defaults();
        BayesBiNNConfig o = c.optimizer();
        int epochs = c.epochs();
        int limit = 0;
        int batch = c.batchSize();
        String arch = c.architecture();
        String out = null;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "scale" -> o = o.withDatasetScale(Double.parseDouble(kv[1]));
                case "lr" -> o = o.withLearningRate(Double.parseDouble(kv[1]));
                case "limit" -> limit = Integer.parseInt(kv[1]);
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "arch" -> arch = kv[1];
                case "out" -> out = kv[1];
                case "kl" -> o = new BayesBiNNConfig(o.temperature(), o.scaleStrategy(), o.scaleClamp(), o.datasetScale(),
                        o.lambdaInit(), o.lambdaInitMagnitude(), o.priorLambda(), Double.parseDouble(kv[1]), o.momentum(),
                        o.learningRate(), o.mcSamples(), o.muLag());
                case "strategy" -> o = new BayesBiNNConfig(o.temperature(), ScaleStrategy.valueOf(kv[1]), o.scaleClamp(),
                        o.datasetScale(), o.lambdaInit(), o.lambdaInitMagnitude(), o.priorLambda(), o.klWeight(), o.momentum(),
                        o.learningRate(), o.mcSamples(), o.muLag());
                default -> throw new IllegalArgumentException("unknown " + a);
            }
        }
        TrainConfig cfg = new TrainConfig(arch, c.dataset(), epochs, batch, c.seed(), c.validationFraction(), limit,
                c.calibrationSamples(), o);
        Path dir = Datasets.defaultDataDir();
        Dataset train = Datasets.load("fashion-mnist", "train", dir);
        Dataset test = Datasets.load("fashion-mnist", "test", dir);
        long t0 = System.nanoTime();
        TrainResult r = new Trainer(cfg, new PrintProgress(), System.out::println).train(train, null, false);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (out != null) {
            ModelFile.write(Path.of(out), r.model());
        }
        Figures f = evaluate(r.model(), r.normalisation().apply(test), test.labels(), 10, 7);
        System.out.printf(Locale.ROOT, "RESULT %s | mode acc %.4f nll %.4f ece %.4f | ens acc %.4f nll %.4f ece %.4f | cal T %.3f acc %.4f nll %.4f ece %.4f | frac01 %.4f frac001 %.4f | train %.0f s wall %.0f s%n",
                cfg.optimizer().toJson().toString() + " epochs=" + epochs + " arch=" + arch + " batch=" + batch,
                f.modeAcc, f.modeNll, f.modeEce, f.ensAcc, f.ensNll, f.ensEce, r.calibrationTemperature(), f.calAcc, f.calNll, f.calEce,
                r.posterior().fraction01(), r.posterior().fraction001(), r.trainingSeconds(), wall);
        System.out.println(r.posterior().toJson().toString());
    }

    record Figures(double modeAcc, double modeNll, double modeEce, double ensAcc, double ensNll, double ensEce,
                   double calAcc, double calNll, double calEce) {
    }

    static Figures evaluate(BbnnModel m, float[] x, int[] y, int samples, long seed) {
        int n = y.length;
        int c = m.architecture().classes();
        SplittableRandom rng = new SplittableRandom(seed);
        float[][][] members = new float[samples][][];
        for (int k = 0; k < samples; k++) {
            members[k] = DjlForward.sampleWeights(m, rng);
        }
        float[][] logits = DjlForward.ensembleLogits(m, members, x, n);
        float[][] mode = {DjlForward.logits(m, DjlForward.modeWeights(m), x, n)};
        double t = m.calibrationTemperature();
        double[] pm = TemperatureScaling.ensembleProbabilities(mode, c, 1);
        double[] pe = TemperatureScaling.ensembleProbabilities(logits, c, 1);
        double[] pc = TemperatureScaling.ensembleProbabilities(logits, c, t);
        return new Figures(Trainer.accuracy(pm, y, c), nll(pm, y, c), ece(pm, y, c), Trainer.accuracy(pe, y, c), nll(pe, y, c),
                ece(pe, y, c), Trainer.accuracy(pc, y, c), nll(pc, y, c), ece(pc, y, c));
    }

    static double nll(double[] p, int[] y, int c) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s -= Math.log(Math.max(p[i * c + y[i]], 1e-12));
        }
        return s / y.length;
    }

    /** Expected calibration error with 15 equal-width confidence bins. */
    static double ece(double[] p, int[] y, int c) {
        int bins = 15;
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        long[] cnt = new long[bins];
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (p[i * c + k] > p[i * c + best]) {
                    best = k;
                }
            }
            double pm = p[i * c + best];
            int b = Math.min(bins - 1, (int) (pm * bins));
            conf[b] += pm;
            acc[b] += best == y[i] ? 1 : 0;
            cnt[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (cnt[b] > 0) {
                e += Math.abs(acc[b] - conf[b]) / y.length;
            }
        }
        return e;
    }
}
