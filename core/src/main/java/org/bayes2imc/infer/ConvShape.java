package org.bayes2imc.infer;

import org.bayes2imc.model.LayerSpec;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

import static org.bayes2imc.infer.OneDnn.check;
import static org.bayes2imc.infer.OneDnn.desc;
import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * A batch of one k×k stride-1 same-padded conv layer (docs/MODEL.md §2.3) as oneDNN sees it; also the per-thread cache key of
 * its primitives.
 */
record ConvShape(int batch, int inChannels, int height, int width, int outChannels, int kernel, int padding) {

    static ConvShape of(LayerSpec layer, int batch) {
        return new ConvShape(batch, layer.inChannels(), layer.inHeight(), layer.inWidth(), layer.outChannels(),
                layer.kernel(), layer.padding());
    }

    /** The descriptors of a forward-inference direct convolution: weights in PyTorch's OIHW, reordered per call. */
    record Descriptors(dnnl_primitive_desc primitive, dnnl_memory_desc source, dnnl_memory_desc userWeights,
                       dnnl_memory_desc destination) {
    }

    Descriptors describe(int sourceType, int weightType, int destinationType, int activationLayout, String what) {
        dnnl_memory_desc src = desc(new long[] {batch, inChannels, height, width}, sourceType, activationLayout);
        dnnl_memory_desc weights = desc(weightDims(), weightType, dnnl_format_tag_any);
        dnnl_memory_desc userWeights = desc(weightDims(), weightType, dnnl_oihw);
        dnnl_memory_desc dst = desc(new long[] {batch, outChannels, height, width}, destinationType, activationLayout);
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        long[] pad = {padding, padding};
        check(dnnl_convolution_forward_primitive_desc_create(pd, OneDnn.engine(), dnnl_forward_inference,
                dnnl_convolution_direct, src, weights, null, dst, new long[] {1, 1}, new long[] {0, 0}, pad, pad,
                null), what + " convolution descriptor");
        return new Descriptors(pd, src, userWeights, dst);
    }

    private long[] weightDims() {
        return new long[] {outChannels, inChannels, kernel, kernel};
    }

    long inputValues() {
        return (long) batch * inChannels * height * width;
    }

    long weightValues() {
        return (long) outChannels * inChannels * kernel * kernel;
    }

    long outputValues() {
        return (long) batch * outChannels * height * width;
    }
}
