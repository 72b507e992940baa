package org.bayes2imc.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * The reference point of the training-throughput bench (issue 17): the same network as {@link BinaryNetForward}
 * (conv 3×3 pad 1 or FC without bias → 2×2 max-pool where listed → BatchNorm without scale/shift → ReLU except last)
 * built from DJL's standard blocks with plain float32 weights (no sign, no sampling), trained with DJL's own
 * {@link ai.djl.training.Trainer}, softmax cross-entropy and Adam (lr 1e-3): what a PyTorch-on-DJL user would write.
 * The difference in images/s to {@link BayesBiNNStep} is the cost of BayesBiNN's extra work (ε draws, relaxed
 * weights, the hand-written BatchNorm, the λ update).
 */
final class PlainAdamTraining implements AutoCloseable {
    private final Model model;
    private final ai.djl.training.Trainer trainer;
    private final Architecture a;
    private final int batch;
    private final float[] xb;
    private final float[] yb;
    private final Shape xShape;
    private final Shape yShape;

    PlainAdamTraining(Architecture a, int batch) {
        this.a = a;
        this.batch = batch;
        SequentialBlock net = new SequentialBlock();
        for (int i = 0; i < a.depth(); i++) {
            LayerSpec l = a.layer(i);
            if (l.kind() == LayerKind.CONV) {
                net.add(Conv2d.builder().setKernelShape(new Shape(l.kernel(), l.kernel()))
                        .optPadding(new Shape(l.padding(), l.padding())).setFilters(l.outChannels()).optBias(false).build());
                if (l.maxPool()) {
                    net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                }
            } else {
                if (i == 0 || a.layer(i - 1).kind() == LayerKind.CONV) {
                    net.add(Blocks.batchFlattenBlock());
                }
                net.add(Linear.builder().setUnits(l.outChannels()).optBias(false).build());
            }
            net.add(BatchNorm.builder().optScale(false).optCenter(false).optEpsilon((float) l.bnEps())
                    .optMomentum((float) (1 - l.bnMomentum())).build());
            if (l.relu()) {
                net.add(Activation.reluBlock());
            }
        }
        model = Model.newInstance("plain-" + a.name(), Device.cpu(), "PyTorch");
        model.setBlock(net);
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                .optDevices(new Device[] {Device.cpu()});
        trainer = model.newTrainer(cfg);
        xShape = new Shape(batch, a.channels(), a.height(), a.width());
        yShape = new Shape(batch);
        trainer.initialize(xShape);
        xb = new float[batch * a.inputSize()];
        yb = new float[batch];
    }

    /**
     * One step on images {@code order[first .. first + batch)} of {@code x}: batch copy, forward, loss, backward, Adam;
     * reads the loss and the predictions back as {@link BayesBiNNStep} does for its running figures.
     *
     * @return correct predictions in the batch
     */
    int step(float[] x, int[] y, int[] order, int first) {
        int d = a.inputSize();
        for (int b = 0; b < batch; b++) {
            int idx = order[first + b];
            System.arraycopy(x, idx * d, xb, b * d, d);
            yb[b] = y[idx];
        }
        int correct = 0;
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray xs = step.create(xb, xShape);
            NDArray ys = step.create(yb, yShape);
            NDList pred;
            NDArray loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                pred = trainer.forward(new NDList(xs));
                loss = trainer.getLoss().evaluate(new NDList(ys), pred);
                gc.backward(loss);
            }
            trainer.step();
            loss.getFloat();
            long[] p = pred.singletonOrThrow().argMax(1).toLongArray();
            for (int b = 0; b < batch; b++) {
                correct += p[b] == (long) yb[b] ? 1 : 0;
            }
        }
        return correct;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
