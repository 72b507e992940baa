package org.bayes2imc.infer;

import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

import java.util.HashMap;
import java.util.Map;

import static org.bayes2imc.infer.OneDnn.check;
import static org.bayes2imc.infer.OneDnn.desc;
import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * A fully connected layer of a batch on oneDNN's int8 path: codes u8 [batch][in], weights s8 [out][in] (PyTorch
 * layout), exact s32 sums [batch][out]. Instances are cached per thread and shape.
 */
public final class Int8Matmul extends OneDnnPrimitive {
    private static final ThreadLocal<Map<Long, Int8Matmul>> CACHE = ThreadLocal.withInitial(HashMap::new);

    private Int8Matmul(dnnl_primitive_desc pd, dnnl_memory_desc src, dnnl_memory_desc userWeights, dnnl_memory_desc dst,
                       long srcBytes, long weightCount, long dstCount) {
        super(pd, src, userWeights, dst, srcBytes, weightCount, dstCount);
    }

    /** This thread's primitive for [batch × in] × [out × in]ᵀ. */
    public static Int8Matmul of(int batch, int in, int out) {
        long key = ((long) batch << 42) | ((long) in << 21) | out;
        return CACHE.get().computeIfAbsent(key, x -> create(batch, in, out));
    }

    private static Int8Matmul create(int batch, int in, int out) {
        dnnl_memory_desc src = desc(new long[] {batch, in}, dnnl_u8, dnnl_ab);
        // the member's weights as they are: a new set every call, and oneDNN's matmul packs plain weights itself at
        // half the cost of a reorder into its blocked layout first (fmnist-small FC 3136→256, 64 images: 156 against
        // 316 µs per call, JMH int8Linear, one thread, AMD EPYC AVX-512 VNNI); the s32 sums are exact either way
        dnnl_memory_desc userWeights = desc(new long[] {in, out}, dnnl_s8, dnnl_ba);
        dnnl_memory_desc weights = userWeights;
        dnnl_memory_desc dst = desc(new long[] {batch, out}, dnnl_s32, dnnl_ab);
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_matmul_primitive_desc_create(pd, OneDnn.engine(), src, weights, null, dst, null),
                "int8 matmul descriptor");
        return new Int8Matmul(pd, src, userWeights, dst, (long) batch * in, (long) in * out, 4L * batch * out);
    }

    /** out[b][j] = Σ_i codes[codesOffset + b·in + i] · weights[j·in + i]. */
    public void apply(byte[] codes, int codesOffset, byte[] weights, int[] out) {
        execute(codes, codesOffset, weights, out, 0);
    }
}
