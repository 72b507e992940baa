package org.bayes2imc.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.train.StepPhases.Phase;

import java.util.ArrayList;
import java.util.List;

/**
 * One BayesBiNN training step (docs/MODEL.md §2.2) on a batch: per MC sample draw ε from Java, form the relaxed
 * weights, run the network in training mode, back-propagate the mean cross-entropy to w_r; then one optimizer update.
 * Shared by {@link Trainer} and the training-throughput bench so that the bench times exactly the training step.
 */
final class BayesBiNNStep {
    /** Summed loss × batch of MC sample 0 and its correct predictions (the epoch's running figures). */
    record Outcome(double lossTimesBatch, int correct) {
    }

    private final Engine engine;
    private final NDManager base;
    private final Architecture a;
    private final BatchNormState bn;
    private final BayesBiNNOptimizer opt;
    private final long noiseSeed;
    private final int batch;
    private final int samples;
    private final long[] splitAt;
    private final float[] xb;
    private final float[] yb;
    private final float[] noise;
    private final Shape xShape;
    private final Shape yShape;
    private final Shape wShape;
    private final StepPhases phases;
    private final boolean fusedBatchNorm;

    /**
     * @param noiseSeed seed of the ε streams; sample k of step t draws from stream mix(noiseSeed, t·S + k)
     * @param phases    receives the time per phase, or null
     */
    BayesBiNNStep(Engine engine, NDManager base, Architecture a, BatchNormState bn, BayesBiNNOptimizer opt,
                  long noiseSeed, int batch, int samples, StepPhases phases) {
        this(engine, base, a, bn, opt, noiseSeed, batch, samples, phases, false);
    }

    /** @param fusedBatchNorm PyTorch's batch_norm kernel (other bits; bench only, see {@link BinaryNetForward}) */
    BayesBiNNStep(Engine engine, NDManager base, Architecture a, BatchNormState bn, BayesBiNNOptimizer opt,
                  long noiseSeed, int batch, int samples, StepPhases phases, boolean fusedBatchNorm) {
        this.fusedBatchNorm = fusedBatchNorm;
        this.engine = engine;
        this.base = base;
        this.a = a;
        this.bn = bn;
        this.opt = opt;
        this.noiseSeed = noiseSeed;
        this.batch = batch;
        this.samples = samples;
        this.phases = phases;
        int weights = Math.toIntExact(a.weightCount());
        splitAt = new long[a.depth() - 1];
        long off = 0;
        for (int i = 0; i < a.depth() - 1; i++) {
            off += a.layer(i).weightCount();
            splitAt[i] = off;
        }
        xb = new float[batch * a.inputSize()];
        yb = new float[batch * a.classes()];
        noise = new float[weights];
        xShape = new Shape(batch, a.channels(), a.height(), a.width());
        yShape = new Shape(batch, a.classes());
        wShape = new Shape(weights);
    }

    /**
     * Trains on images {@code order[first .. first + batch)} of the normalised set {@code x} (n × inputSize) with labels
     * {@code y}.
     */
    Outcome run(float[] x, int[] y, int[] order, int first, double learningRate) {
        int d = a.inputSize();
        int classes = a.classes();
        mark(null);
        java.util.Arrays.fill(yb, 0f);
        for (int b = 0; b < batch; b++) {
            int idx = order[first + b];
            System.arraycopy(x, idx * d, xb, b * d, d);
            yb[b * classes + y[idx]] = 1f;
        }
        mark(Phase.BATCH);
        long step = opt.step();
        double lossTimesBatch = 0;
        int correct = 0;
        try (NDScope ignored = new NDScope()) {
            NDArray xs = base.create(xb, xShape);
            NDArray ys = base.create(yb, yShape);
            mark(Phase.UPLOAD);
            List<NDArray> relaxed = new ArrayList<>(samples);
            List<NDArray> grads = new ArrayList<>(samples);
            for (int k = 0; k < samples; k++) {
                Trainer.fillNoise(noise, Trainer.mix(noiseSeed, step * samples + k));
                mark(Phase.NOISE);
                NDArray eps = base.create(noise, wShape);
                mark(Phase.UPLOAD);
                NDArray wr = opt.relaxedWeights(eps);
                wr.setRequiresGradient(true);
                mark(Phase.SAMPLE);
                NDArray logits;
                NDArray loss;
                try (GradientCollector gc = engine.newGradientCollector()) {
                    NDList w = wr.split(splitAt);
                    logits = BinaryNetForward.forward(a, xs, w, bn, true, fusedBatchNorm);
                    loss = logits.logSoftmax(1).mul(ys).sum().neg().div((float) batch);
                    mark(Phase.FORWARD);
                    gc.backward(loss);
                    mark(Phase.BACKWARD);
                }
                relaxed.add(wr);
                grads.add(wr.getGradient());
                if (k == 0) {
                    lossTimesBatch = loss.getFloat() * batch;
                    long[] pred = logits.argMax(1).toLongArray();
                    for (int b = 0; b < batch; b++) {
                        if (yb[b * classes + (int) pred[b]] == 1f) {
                            correct++;
                        }
                    }
                    mark(Phase.METRICS);
                }
            }
            opt.update(relaxed, grads, learningRate);
            mark(Phase.UPDATE);
        }
        mark(Phase.RELEASE);
        if (phases != null) {
            phases.endStep();
        }
        return new Outcome(lossTimesBatch, correct);
    }

    private void mark(Phase p) {
        if (phases == null) {
            return;
        }
        if (p == null) {
            phases.start();
        } else {
            phases.mark(p);
        }
    }
}
