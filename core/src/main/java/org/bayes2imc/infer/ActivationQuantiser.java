package org.bayes2imc.infer;

/**
 * Quantises a layer's input activations before its weighted sum, as the hardware's k-bit input drivers do
 * (docs/MODEL.md §5). {@code null} where the engine accepts a quantiser means full float precision.
 */
public interface ActivationQuantiser {

    /**
     * Returns the quantised input of layer {@code layer} (a new array or {@code input} itself, modified in place).
     *
     * @param input [batch × layer input size]
     */
    float[] quantise(int layer, float[] input, int batch);
}
