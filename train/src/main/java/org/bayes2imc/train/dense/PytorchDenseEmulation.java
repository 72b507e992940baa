package org.bayes2imc.train.dense;

import org.bayes2imc.train.TorchThreads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.infer.UniformActivationQuantiser;
import org.bayes2imc.infer.WeightDraw;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * The dense float emulation of a BBNN hardware ensemble as an aihwkit-style PyTorch user would write it (issue 8):
 * for every ensemble member and chunk of images, take that member's ±1 weight tensors (the same {@link WeightDraw}
 * the simulator uses, so the same samples), upload them and run ordinary float PyTorch ops in eval mode —
 * conv2d (stride 1, the layer's padding, no bias) → max-pool 2 → BatchNorm (running statistics, no affine) → ReLU,
 * flatten, matmul — optionally with the hardware's k-bit input quantisation as clip/round tensor ops. No per-element
 * JNI calls: every tensor crosses the boundary once per (chunk, member, layer). The weight draws of a chunk's
 * members run in parallel Java threads; PyTorch runs its ops with its own intra-op threads.
 */
public final class PytorchDenseEmulation {
    private final Architecture arch;
    private final BatchNormStats bn;
    private final UniformActivationQuantiser quantiser;
    private final int chunkImages;
    private long samplingNanos;
    private long torchNanos;

    /**
     * @param quantiser   k-bit quantisation of every layer input (null = float activations)
     * @param chunkImages images per chunk: the chunk index passed to the draw is image / chunkImages, as in the
     *                    simulator's per-chunk sampling, and also PyTorch's batch size
     */
    public PytorchDenseEmulation(Architecture arch, BatchNormStats bn, UniformActivationQuantiser quantiser,
                                 int chunkImages) {
        if (chunkImages < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 image, got " + chunkImages);
        }
        this.arch = arch;
        this.bn = bn;
        this.quantiser = quantiser;
        this.chunkImages = chunkImages;
    }

    /** Sets PyTorch's intra-op thread count; only effective before the engine first loads in this JVM. */
    public static void requestTorchThreads(int threads) {
        if (threads < 1) {
            throw new org.bayes2imc.io.InvalidSetting("threads", "must be at least 1, got " + threads);
        }
        TorchThreads.request(threads);
    }

    /** PyTorch engine version string, loading the engine if needed (for results.json). */
    public static String engineVersion() {
        return ai.djl.engine.Engine.getEngine("PyTorch").getVersion();
    }

    /**
     * Member logits [members][n·C] of normalised input [n × C·H·W], weights from {@code draw(member, layer, chunk)}.
     */
    public float[][] memberLogits(WeightDraw draw, float[] input, int n, int members) {
        if (members < 1) {
            throw new org.bayes2imc.io.InvalidSetting("samples", "must be >= 1, got " + members);
        }
        int depth = arch.depth();
        int inSize = arch.inputSize();
        int classes = arch.classes();
        float[][] out = new float[members][n * classes];
        int chunks = (n + chunkImages - 1) / chunkImages;
        float[][][] w = new float[members][depth][];
        try (NDManager root = NDManager.newBaseManager()) {
            for (int ch = 0; ch < chunks; ch++) {
                int from = ch * chunkImages;
                int m = Math.min(chunkImages, n - from);
                final long chunk = ch;
                long t0 = System.nanoTime();
                Parallel.forEach(members, s -> {
                    for (int l = 0; l < depth; l++) {
                        w[s][l] = draw.weights(s, l, chunk);
                    }
                });
                long t1 = System.nanoTime();
                float[] x = java.util.Arrays.copyOfRange(input, from * inSize, (from + m) * inSize);
                Shape shape = new Shape(m, arch.channels(), arch.height(), arch.width());
                for (int s = 0; s < members; s++) {
                    // one manager per (chunk, member): DJL attaches an op's result to its input's manager, so the
                    // batch is uploaded into it (a few hundred kB) and every intermediate is freed with it
                    try (NDManager member = root.newSubManager()) {
                        float[] logits = forward(member, member.create(x, shape), w[s], m);
                        System.arraycopy(logits, 0, out[s], from * classes, m * classes);
                    }
                }
                long t2 = System.nanoTime();
                samplingNanos += t1 - t0;
                torchNanos += t2 - t1;
            }
        }
        return out;
    }

    /** Seconds spent drawing weights in Java and running PyTorch since construction (time split of the baseline). */
    public double samplingSeconds() {
        return samplingNanos / 1e9;
    }

    public double torchSeconds() {
        return torchNanos / 1e9;
    }

    private float[] forward(NDManager m, NDArray input, float[][] w, int batch) {
        NDArray x = input;
        for (int i = 0; i < arch.depth(); i++) {
            LayerSpec l = arch.layer(i);
            if (quantiser != null) {
                x = quantise(x, i);
            }
            NDArray weight = m.create(w[i], new Shape(l.weightShape()));
            if (l.kind() == LayerKind.CONV) {
                x = Conv2d.conv2d(x, weight, null, new Shape(1, 1), new Shape(l.padding(), l.padding()))
                        .singletonOrThrow();
                if (l.maxPool()) {
                    x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
                }
            } else {
                x = Linear.linear(x.reshape(batch, l.inChannels()), weight).singletonOrThrow();
            }
            NDArray ones = m.ones(new Shape(l.outChannels()));
            NDArray zeros = m.zeros(new Shape(l.outChannels()));
            x = BatchNorm.batchNorm(x, m.create(bn.mean()[i]), m.create(bn.var()[i]), ones, zeros, 1, 0.1f,
                    (float) l.bnEps(), false).singletonOrThrow();
            if (l.relu()) {
                x = Activation.relu(x);
            }
        }
        return x.toFloatArray();
    }

    /** The simulator's uniform k-bit quantiser as tensor ops: lo + step·round((clamp(x) − lo)/step). */
    private NDArray quantise(NDArray x, int layer) {
        float lo = quantiser.low()[layer];
        float hi = quantiser.high()[layer];
        float step = (hi - lo) / ((1 << quantiser.bits()) - 1);
        return x.clip(lo, hi).sub(lo).mul(1f / step).round().mul(step).add(lo);
    }
}
