package org.bayes2imc.infer;

import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;

/**
 * A sampled network's forward pass over a range of layers: the input of layer {@code fromLayer} in, the output of
 * layer {@code toLayer − 1} out (the logits when {@code toLayer} is the depth). Running a prefix once and the suffix
 * per member is how layer sparsity (docs/MODEL.md §8) reuses the deterministic layers.
 */
public final class NetworkForward {
    private NetworkForward() {
    }

    /** All layers, float activations: returns logits [batch × classes]. */
    public static float[] run(Architecture a, BatchNormStats bn, float[][] weights, float[] input, int batch) {
        return run(a, bn, weights, input, batch, 0, a.depth(), null);
    }

    /** Layers [fromLayer, toLayer), float activations. */
    public static float[] run(Architecture a, BatchNormStats bn, float[][] weights, float[] input, int batch,
                              int fromLayer, int toLayer) {
        return run(a, bn, weights, input, batch, fromLayer, toLayer, null);
    }

    /**
     * Layers [fromLayer, toLayer); each layer's input passes through {@code quantiser} first (null = float).
     *
     * @param weights per layer, PyTorch layout (entries outside [fromLayer, toLayer) are not read)
     * @param input   [batch × inputSize of fromLayer]
     */
    public static float[] run(Architecture a, BatchNormStats bn, float[][] weights, float[] input, int batch,
                              int fromLayer, int toLayer, ActivationQuantiser quantiser) {
        if (fromLayer < 0 || toLayer > a.depth() || fromLayer > toLayer) {
            throw new IllegalArgumentException("layer range [" + fromLayer + ", " + toLayer + ") outside 0.." + a.depth());
        }
        float[] x = input;
        for (int i = fromLayer; i < toLayer; i++) {
            if (quantiser == null) {
                // a run of float conv layers goes block by block through all of them (same bits, fewer passes)
                int end = i;
                while (end < toLayer && a.layer(end).kind() == LayerKind.CONV) {
                    end++;
                }
                if (end > i && ChannelsLastConvStack.supports(a, i, end, batch)) {
                    x = ChannelsLastConvStack.forward(a, bn, weights, x, batch, i, end);
                    i = end - 1;
                    continue;
                }
            }
            if (quantiser != null) {
                x = quantiser.quantise(i, x, batch);
            }
            x = LayerForward.forward(a.layer(i), weights[i], bn.mean()[i], bn.var()[i], x, batch);
        }
        return x;
    }
}
