package org.bayes2imc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * The forward pass of a VGGBinaryConnect-family network (docs/MODEL.md §2.3) in raw NDArray ops: per layer conv 3×3 pad 1
 * or FC without bias → 2×2 max-pool where listed → BatchNorm without scale/shift → ReLU (not after the last).
 * Training mode normalises with batch statistics (biased variance) and updates the running statistics in place in
 * PyTorch's convention (running = (1 − momentum)·running + momentum·batch, unbiased variance); eval mode uses them.
 */
final class BinaryNetForward {
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape POOL = new Shape(2, 2);

    private BinaryNetForward() {
    }

    /**
     * @param input   N×C×H×W normalised images
     * @param weights one tensor per layer in PyTorch layout (any shape with the layer's element count)
     * @return N×classes logits
     */
    static NDArray forward(Architecture a, NDArray input, NDList weights, BatchNormState bn, boolean training) {
        return forward(a, input, weights, bn, training, false);
    }

    /**
     * @param fusedBatchNorm training-mode BatchNorm by PyTorch's own batch_norm kernel instead of the ops below: the
     *                       same formula and running-statistics convention, but other float rounding, so a model
     *                       trained with it differs in its bits (measured by {@code bench --train --train-fused-bn},
     *                       issue 17); never used by {@link Trainer}
     */
    static NDArray forward(Architecture a, NDArray input, NDList weights, BatchNormState bn, boolean training,
                           boolean fusedBatchNorm) {
        NDArray x = input;
        for (int i = 0; i < a.depth(); i++) {
            LayerSpec l = a.layer(i);
            NDArray w = weights.get(i).reshape(new Shape(l.weightShape()));
            int[] axes;
            if (l.kind() == LayerKind.CONV) {
                x = Conv2d.conv2d(x, w, null, ONE, new Shape(l.padding(), l.padding()), ONE, 1).singletonOrThrow();
                if (l.maxPool()) {
                    x = Pool.maxPool2d(x, POOL, POOL, new Shape(0, 0), false);
                }
                axes = new int[] {0, 2, 3};
            } else {
                if (x.getShape().dimension() != 2) {
                    x = x.reshape(x.getShape().get(0), -1);
                }
                x = x.matMul(w.transpose());
                axes = new int[] {0};
            }
            x = fusedBatchNorm && training
                    // DJL's PyTorch binding needs an explicit scale and shift: 1 and 0
                    ? ai.djl.nn.norm.BatchNorm.batchNorm(x, bn.mean[i], bn.var[i],
                            x.getManager().ones(new Shape(l.outChannels())), x.getManager().zeros(new Shape(l.outChannels())), 1,
                            (float) (1 - l.bnMomentum()), (float) l.bnEps(), true).singletonOrThrow() // DJL momentum = 1 − PyTorch's
                    : batchNorm(x, l, axes, bn.mean[i], bn.var[i], training);
            if (l.relu()) {
                x = Activation.relu(x);
            }
        }
        return x;
    }

    /** Mean over several axes, kept as size-1 dims (PyTorch's DJL mean takes one axis at a time). */
    private static NDArray meanOver(NDArray x, int[] axes) {
        NDArray m = x;
        for (int ax : axes) {
            m = m.mean(new int[] {ax}, true);
        }
        return m;
    }

    private static NDArray batchNorm(NDArray x, LayerSpec l, int[] axes, NDArray runningMean, NDArray runningVar,
                                     boolean training) {
        Shape bshape = axes.length == 3 ? new Shape(1, l.outChannels(), 1, 1) : new Shape(1, l.outChannels());
        if (!training) {
            return x.sub(runningMean.reshape(bshape)).div(runningVar.add((float) l.bnEps()).sqrt().reshape(bshape));
        }
        NDArray mean = meanOver(x, axes);
        NDArray centred = x.sub(mean);
        NDArray var = meanOver(centred.square(), axes);
        long count = x.getShape().size() / l.outChannels();
        float mom = (float) l.bnMomentum();
        NDArray m = mean.stopGradient().reshape(l.outChannels());
        NDArray v = var.stopGradient().reshape(l.outChannels()).mul((float) count / Math.max(1, count - 1));
        runningMean.muli(1 - mom).addi(m.mul(mom));
        runningVar.muli(1 - mom).addi(v.mul(mom));
        return centred.div(var.add((float) l.bnEps()).sqrt());
    }
}
