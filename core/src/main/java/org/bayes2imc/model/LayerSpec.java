package org.bayes2imc.model;

/**
 * One Bayesian-binary layer of a VGGBinaryConnect-family network (docs/MODEL.md §2.3): conv/FC without bias, optional
 * 2×2 max-pool, BatchNorm without scale/shift, then ReLU (except the last layer, whose BN output is the logits).
 * Conv layers are stride 1 with "same" padding; weights use PyTorch layout ([out, in, k, k] or [out, in]).
 *
 * @param index      position in the network, 0-based
 * @param kind       conv or fully connected
 * @param inChannels input channels (conv) or input features (FC)
 * @param outChannels output channels (conv) or output features (FC)
 * @param kernel     kernel size (1 for FC)
 * @param padding    zero padding (kernel/2 for conv, 0 for FC)
 * @param inHeight   input height (1 for FC)
 * @param inWidth    input width (1 for FC)
 * @param maxPool    a 2×2 stride-2 max-pool follows the conv, before BatchNorm
 * @param relu       ReLU follows BatchNorm (false only for the last layer)
 * @param bnEps      BatchNorm epsilon
 * @param bnMomentum BatchNorm running-statistics momentum (PyTorch convention)
 */
public record LayerSpec(int index, LayerKind kind, int inChannels, int outChannels, int kernel, int padding,
                        int inHeight, int inWidth, boolean maxPool, boolean relu, double bnEps, double bnMomentum) {

    public LayerSpec {
        if (inChannels <= 0 || outChannels <= 0 || kernel <= 0 || inHeight <= 0 || inWidth <= 0) {
            throw new IllegalArgumentException("layer " + index + ": dimensions must be positive");
        }
    }

    public String name() {
        return (kind == LayerKind.CONV ? "conv" : "fc") + index;
    }

    /** Inputs per output: the crossbar rows a column sums over (im2col rows for conv). */
    public int fanIn() {
        return inChannels * kernel * kernel;
    }

    public long weightCount() {
        return (long) outChannels * fanIn();
    }

    /** Output positions before pooling (stride 1, same padding). */
    public int positions() {
        return inHeight * inWidth;
    }

    public int outHeight() {
        return maxPool ? inHeight / 2 : inHeight;
    }

    public int outWidth() {
        return maxPool ? inWidth / 2 : inWidth;
    }

    /** Values this layer outputs per image (after pooling). */
    public int outputSize() {
        return outChannels * outHeight() * outWidth();
    }

    public int inputSize() {
        return inChannels * inHeight * inWidth;
    }

    /** Multiply-accumulates per image for one sampled network. */
    public long macsPerImage() {
        return weightCount() * positions();
    }

    public long[] weightShape() {
        return kind == LayerKind.CONV
                ? new long[] {outChannels, inChannels, kernel, kernel}
                : new long[] {outChannels, inChannels};
    }
}
