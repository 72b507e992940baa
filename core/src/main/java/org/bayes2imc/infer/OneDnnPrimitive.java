package org.bayes2imc.infer;

import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

import static org.bayes2imc.infer.OneDnn.check;
import static org.bayes2imc.infer.OneDnn.engine;
import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * One oneDNN primitive (int8: u8 activations × s8 weights → s32 sums; f32: float throughout) with its native
 * buffers: the caller's weights in plain layout are reordered into the primitive's blocked layout at every call (a
 * member's weights change per call), then the primitive runs; a primitive made for the plain layout reads them as they
 * are. Not thread-safe: each worker thread keeps its own
 * instances.
 */
abstract class OneDnnPrimitive {
    private final dnnl_primitive primitive;
    private final dnnl_primitive reorder;
    private final dnnl_exec_arg_t args;
    private final dnnl_exec_arg_t reorderArgs;
    final BytePointer src;
    final BytePointer userWeights;
    final BytePointer dst;
    private final long srcBytes;
    private final long weightCount;
    private final long dstCount;
    /** Native objects referenced only by oneDNN: held here so the collector never frees them under it. */
    @SuppressWarnings("unused")
    private final Object[] keepAlive;

    /** @param pd the primitive descriptor (weights descriptor "any"); the userWeights descriptor is the plain layout */
    OneDnnPrimitive(dnnl_primitive_desc pd, dnnl_memory_desc srcMd, dnnl_memory_desc userWeightsMd,
                    dnnl_memory_desc dstMd, long srcBytes, long weightBytes, long dstBytes) {
        this.srcBytes = srcBytes;
        this.weightCount = weightBytes;
        this.dstCount = dstBytes;
        primitive = new dnnl_primitive();
        check(dnnl_primitive_create(primitive, pd), "primitive");
        dnnl_memory_desc weightsMd = dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);
        src = new BytePointer(Math.max(1, srcBytes));
        userWeights = new BytePointer(Math.max(1, weightBytes));
        dst = new BytePointer(Math.max(1, dstBytes));
        dnnl_memory mSrc = memory(srcMd, src);
        dnnl_memory mUser = memory(userWeightsMd, userWeights);
        dnnl_memory mDst = memory(dstMd, dst);
        dnnl_primitive_desc rpd = new dnnl_primitive_desc();
        dnnl_memory mWeights;
        BytePointer weights = null;
        if (dnnl_memory_desc_equal(userWeightsMd, weightsMd) != 0) {
            // the primitive takes the plain layout: it reads the caller's weights, no reorder
            mWeights = mUser;
            reorder = null;
            reorderArgs = null;
        } else {
            // the blocked copy the reorder writes, only where the primitive needs one
            weights = new BytePointer(Math.max(1, dnnl_memory_desc_get_size(weightsMd)));
            mWeights = memory(weightsMd, weights);
            check(dnnl_reorder_primitive_desc_create(rpd, userWeightsMd, engine(), weightsMd, engine(), null), "weights reorder");
            reorder = new dnnl_primitive();
            check(dnnl_primitive_create(reorder, rpd), "reorder primitive");
            reorderArgs = new dnnl_exec_arg_t(2);
            reorderArgs.position(0).arg(DNNL_ARG_FROM).memory(mUser);
            reorderArgs.position(1).arg(DNNL_ARG_TO).memory(mWeights);
            reorderArgs.position(0);
        }
        args = new dnnl_exec_arg_t(3);
        args.position(0).arg(DNNL_ARG_SRC).memory(mSrc);
        args.position(1).arg(DNNL_ARG_WEIGHTS).memory(mWeights);
        args.position(2).arg(DNNL_ARG_DST).memory(mDst);
        args.position(0);
        keepAlive = new Object[] {pd, srcMd, userWeightsMd, dstMd, weightsMd, weights, mSrc, mUser, mWeights, mDst, rpd};
    }

    private static dnnl_memory memory(dnnl_memory_desc md, org.bytedeco.javacpp.Pointer buffer) {
        dnnl_memory m = new dnnl_memory();
        check(dnnl_memory_create(m, md, engine(), buffer), "memory");
        return m;
    }

    /** u8 codes and s8 weights in, s32 sums out ({@code dstCount / 4} of them). */
    final void execute(byte[] codes, int codesOffset, byte[] weights, int[] out, int outOffset) {
        src.position(0).put(codes, codesOffset, (int) srcBytes);
        userWeights.position(0).put(weights, 0, (int) weightCount);
        run();
        new IntPointer(dst).position(0).get(out, outOffset, (int) (dstCount / 4));
    }

    /**
     * Copies s8 weights in and reorders them into the primitive's layout once, for several {@link #executeLoaded}
     * calls on the same weights (the fused int8 layers run one member's weights over blocks of images).
     */
    final void loadWeights(byte[] weights) {
        userWeights.position(0).put(weights, 0, (int) weightCount);
        if (reorder == null) {
            return;
        }
        OneDnn.run(() -> {
            var stream = OneDnn.stream();
            check(dnnl_primitive_execute(reorder, stream, 2, reorderArgs), "weights reorder");
            check(dnnl_stream_wait(stream), "stream wait");
        });
    }

    /** u8 codes in, s32 sums out, on the weights of the last {@link #loadWeights} call. */
    final void executeLoaded(byte[] codes, int codesOffset, int[] out, int outOffset) {
        src.position(0).put(codes, codesOffset, (int) srcBytes);
        OneDnn.run(() -> {
            var stream = OneDnn.stream();
            check(dnnl_primitive_execute(primitive, stream, 3, args), "execute");
            check(dnnl_stream_wait(stream), "stream wait");
        });
        new IntPointer(dst).position(0).get(out, outOffset, (int) (dstCount / 4));
    }

    /**
     * u8 codes in, f32 sums out (an int8 primitive with an f32 destination: the s32 sums converted, exactly while
     * below 2^24), on the weights of the last {@link #loadWeights} call.
     */
    final void executeLoaded(byte[] codes, int codesOffset, float[] out, int outOffset) {
        src.position(0).put(codes, codesOffset, (int) srcBytes);
        OneDnn.run(() -> {
            var stream = OneDnn.stream();
            check(dnnl_primitive_execute(primitive, stream, 3, args), "execute");
            check(dnnl_stream_wait(stream), "stream wait");
        });
        new FloatPointer(dst).position(0).get(out, outOffset, (int) (dstCount / 4));
    }

    /** f32 activations and weights in, f32 out. */
    final void execute(float[] x, int xOffset, float[] weights, float[] out, int outOffset) {
        new FloatPointer(src).position(0).put(x, xOffset, (int) (srcBytes / 4));
        new FloatPointer(userWeights).position(0).put(weights, 0, (int) (weightCount / 4));
        run();
        new FloatPointer(dst).position(0).get(out, outOffset, (int) (dstCount / 4));
    }

    /**
     * f32 weights in and run, on activations the caller already wrote into {@link #src}; the outputs are left in
     * {@link #dst} (the channels-last conv stack reads and writes these buffers directly, without array copies).
     */
    final void executeOnBuffers(float[] weights) {
        new FloatPointer(userWeights).position(0).put(weights, 0, (int) (weightCount / 4));
        run();
    }

    private void run() {
        OneDnn.run(() -> {
            var stream = OneDnn.stream();
            if (reorder != null) {
                check(dnnl_primitive_execute(reorder, stream, 2, reorderArgs), "weights reorder");
            }
            check(dnnl_primitive_execute(primitive, stream, 3, args), "execute");
            check(dnnl_stream_wait(stream), "stream wait");
        });
    }
}
