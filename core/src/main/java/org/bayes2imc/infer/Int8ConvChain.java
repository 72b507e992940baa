package org.bayes2imc.infer;

import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.bayes2imc.infer.OneDnn.check;
import static org.bayes2imc.infer.OneDnn.desc;
import static org.bayes2imc.infer.OneDnn.engine;
import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * A run of consecutive int8 conv layers of one ensemble member whose outputs are the next layers' codes, entirely on
 * oneDNN primitives over native buffers (docs/MODEL.md §5, integer kernels): each conv (u8 NHWC codes × s8 weights)
 * carries its post-linear step, so its destination is directly the next layer's u8 codes, and a max-pool runs on those
 * codes. The step is the float path's (sum·step − mean_c)·(1/σ_c), clamp to [0, nextHigh], ·nextInv (a power of two),
 * then oneDNN's f32→u8 conversion (round to nearest, ties to even, saturating), computed as a bias and one per-channel
 * multiply: sum + (−mean_c/step), then ·(step/σ_c). With step a power of two that is the same rounding at the same
 * place — fl(sum − mean_c/step) = fl(sum·step − mean_c)/step exactly, and fl(that · step/σ_c) = fl(fl(sum·step −
 * mean_c) · 1/σ_c), one rounding of the same real product — at one binary post-op instead of two (13–15 % less time
 * per conv on fmnist-small's layers). Pooling the codes equals quantising the pooled values because that map is
 * monotone (same section), so the run gives the Java path's bits ({@link Int8Layers#fused}); a property test checks
 * it against the float path, ties included. The last layer's codes come out in the next layer's layout (NHWC for
 * conv, C·H·W for FC). Primitives are per thread (they are not thread-safe) and block size, shared by runs of equal
 * shapes and constants.
 */
public final class Int8ConvChain {
    /**
     * u8 bytes of a block's largest activation tensor: a block of images goes through every layer of the run while its
     * codes are in cache (the f32-sum blocks of {@link Int8Layers#FUSED_BLOCK_BYTES} hold 4 bytes per value).
     */
    static final int BLOCK_BYTES = 512 * 1024;

    private final Int8Layers.Post[] posts;
    private final boolean flatOutput;
    private final int inputBytes;
    private final int outputBytes;
    private final int largestImageBytes;
    /** The primitives' shapes and baked-in constants: equal keys share one thread's primitives. */
    private final List<StepKey> key;
    /**
     * Per layer, the conv bias −mean_c/step and the per-channel factor step·(1/σ_c) (bound into the shared primitives'
     * per-channel tensors at each call).
     */
    private final float[][] biases;
    private final float[][] factors;

    /**
     * Per thread, primitives by run and block size, shared by every run with the same shapes and constants (cores of
     * one model differ only in weights and BatchNorm statistics): primitives hold JIT code and are never freed, so
     * one set per core would grow without bound over a sweep.
     */
    private static final ThreadLocal<Map<BlocksKey, Blocks>> NATIVES = ThreadLocal.withInitial(HashMap::new);

    /**
     * One layer of a run as its primitives see it: shape and the post-ops' scalar constants (step enters only the
     * per-channel bias and factor, which are bound at each call).
     */
    private record StepKey(LayerSpec layer, float nextHigh, float nextInv, LayerKind nextKind) {
    }

    private record BlocksKey(List<StepKey> steps, int batch) {
    }

    private Int8ConvChain(Int8Layers.Post[] posts) {
        this.posts = posts.clone();
        LayerSpec last = posts[posts.length - 1].layer();
        this.flatOutput = posts[posts.length - 1].next().kind() == LayerKind.FC;
        this.inputBytes = posts[0].layer().inputSize();
        this.outputBytes = last.outputSize();
        int largest = inputBytes;
        for (Int8Layers.Post p : posts) {
            largest = Math.max(largest, p.layer().outChannels() * p.layer().positions());
        }
        this.largestImageBytes = largest;
        List<StepKey> k = new ArrayList<>();
        biases = new float[posts.length][];
        factors = new float[posts.length][];
        for (int i = 0; i < posts.length; i++) {
            Int8Layers.Post p = posts[i];
            k.add(new StepKey(p.layer(), p.nextHigh(), p.nextInv(), p.next().kind()));
            float[] mean = p.batchNorm().mean();
            float[] inv = p.batchNorm().inverseStd();
            biases[i] = new float[mean.length];
            factors[i] = new float[inv.length];
            for (int c = 0; c < mean.length; c++) {
                biases[i][c] = -mean[c] / p.step();
                factors[i][c] = p.step() * inv[c];
            }
        }
        this.key = List.copyOf(k);
    }

    /**
     * The run of these layers' steps (each a conv layer writing the next one's codes, each next layer the following
     * step's layer), or empty where it does not apply here: no oneDNN, a step writing real values, codes beyond 8 bits,
     * a pool of an odd plane (the float path pools even planes), or oneDNN refusing the primitives. The caller keeps its Java path then.
     */
    public static Optional<Int8ConvChain> of(Int8Layers.Post... posts) {
        if (posts.length == 0 || !OneDnn.available()) {
            return Optional.empty();
        }
        for (int i = 0; i < posts.length; i++) {
            Int8Layers.Post p = posts[i];
            LayerSpec l = p.layer();
            LayerSpec next = p.next();
            float step = p.step();
            boolean powerOfTwo = step > 0f && Float.isFinite(step) && step == Math.scalb(1f, Math.getExponent(step));
            float ni = p.nextInv();
            boolean niPowerOfTwo = ni > 0f && Float.isFinite(ni) && ni == Math.scalb(1f, Math.getExponent(ni));
            if (l.kind() != LayerKind.CONV || next == null || !powerOfTwo || !niPowerOfTwo
                    || !(UniformActivationQuantiser.nearestEven(p.nextHigh() * ni) <= 255f)
                    || (l.maxPool() && (l.inHeight() % 2 != 0 || l.inWidth() % 2 != 0))
                    || next.inputSize() != l.outputSize()
                    || (i + 1 < posts.length && !posts[i + 1].layer().equals(next))) {
                return Optional.empty();
            }
            for (float inv : p.batchNorm().inverseStd()) {
                // monotone post-ops (pooling after them is exact) need 1/σ > 0; step·(1/σ) must be exact (normal)
                float factor = step * inv;
                if (!(inv > 0f) || !Float.isFinite(inv) || !(factor >= Float.MIN_NORMAL) || !Float.isFinite(factor)
                        || factor / step != inv) {
                    return Optional.empty();
                }
            }
            for (float mean : p.batchNorm().mean()) {
                // mean/step must be exact, so that the bias moves the rounding only by the power of two
                float bias = -mean / step;
                if (!Float.isFinite(bias) || -bias * step != mean
                        || (bias != 0f && Math.abs(bias) < Float.MIN_NORMAL)) {
                    return Optional.empty();
                }
            }
        }
        Int8ConvChain chain = new Int8ConvChain(posts);
        try {
            chain.blocks(1);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.of(chain);
    }

    /** The layer whose codes this run reads. */
    public LayerSpec first() {
        return posts[0].layer();
    }

    /** Layers in the run. */
    public int length() {
        return posts.length;
    }

    /**
     * The codes of the layer after the run for {@code batch} images: {@code codes} [batch][H][W][C] (u8) are the run's
     * input, {@code weights[i]} the i-th layer's s8 weights [O][C][k][k] (loaded once per call, run over blocks).
     */
    public byte[] codes(byte[][] weights, byte[] codes, int batch) {
        return codes(weights, codes, batch, Math.max(1, BLOCK_BYTES / largestImageBytes));
    }

    /**
     * {@link #codes(byte[][], byte[], int)} in blocks of at most {@code blockImages} images (tests and benchmarks vary
     * it; every image is computed on its own, so the bits do not depend on it).
     */
    public byte[] codes(byte[][] weights, byte[] codes, int batch, int blockImages) {
        if (blockImages < 1) {
            throw new IllegalArgumentException("conv run blocks must hold at least 1 image, got " + blockImages);
        }
        if (weights.length != posts.length) {
            throw new IllegalArgumentException("conv run of " + posts.length + " layers given " + weights.length + " weight sets");
        }
        if (codes.length < (long) batch * inputBytes) {
            throw new IllegalArgumentException(first().name() + ": " + codes.length + " codes, need " + (long) batch * inputBytes);
        }
        byte[] out = new byte[batch * outputBytes];
        if (batch == 0) {
            return out;
        }
        // equal blocks (one set of primitives per thread when the chunk divides evenly)
        int count = (batch + blockImages - 1) / blockImages;
        int block = (batch + count - 1) / count;
        int rest = batch - (count - 1) * block;
        Blocks full = blocks(block);
        full.load(weights, biases, factors);
        Blocks tail = rest == block ? full : blocks(rest);
        if (tail != full) {
            tail.load(weights, biases, factors);
        }
        for (int b = 0; b < count; b++) {
            Blocks run = b + 1 < count ? full : tail;
            run.apply(codes, b * block * inputBytes, out, b * block * outputBytes);
        }
        return out;
    }

    private Blocks blocks(int batch) {
        return NATIVES.get().computeIfAbsent(new BlocksKey(key, batch), k -> new Blocks(posts, flatOutput, batch));
    }

    /** This thread's primitives and buffers for blocks of {@code batch} images. */
    private static final class Blocks {
        private final BytePointer input;
        private final BytePointer output;
        private final long inputCount;
        private final long outputCount;
        private final BytePointer[] userWeights;
        private final long[] weightCounts;
        private final dnnl_primitive[] reorders;
        private final dnnl_exec_arg_t[] reorderArgs;
        private final FloatPointer[] biasBuffers;
        private final FloatPointer[] factorBuffers;
        private final List<dnnl_primitive> steps = new ArrayList<>();
        private final List<dnnl_exec_arg_t> stepArgs = new ArrayList<>();
        private final List<Integer> stepArgCounts = new ArrayList<>();
        /** Native objects referenced only by oneDNN: held so the collector never frees them under it. */
        private final List<Object> keepAlive = new ArrayList<>();

        Blocks(Int8Layers.Post[] posts, boolean flatOutput, int batch) {
            int n = posts.length;
            int inputBytes = posts[0].layer().inputSize();
            int outputBytes = posts[n - 1].layer().outputSize();
            biasBuffers = new FloatPointer[n];
            factorBuffers = new FloatPointer[n];
            userWeights = new BytePointer[n];
            weightCounts = new long[n];
            reorders = new dnnl_primitive[n];
            reorderArgs = new dnnl_exec_arg_t[n];
            inputCount = (long) batch * inputBytes;
            outputCount = (long) batch * outputBytes;
            input = new BytePointer(inputCount);
            LayerSpec l0 = posts[0].layer();
            dnnl_memory_desc curMd = desc(new long[] {batch, l0.inChannels(), l0.inHeight(), l0.inWidth()}, dnnl_u8, dnnl_nhwc);
            dnnl_memory cur = memory(curMd, input);
            BytePointer curBuffer = input;
            for (int i = 0; i < n; i++) {
                Int8Layers.Post p = posts[i];
                LayerSpec l = p.layer();
                long[] convDims = {batch, l.outChannels(), l.inHeight(), l.inWidth()};
                dnnl_memory_desc dstMd = desc(convDims, dnnl_u8, dnnl_nhwc);
                BytePointer dst = new BytePointer(product(convDims));
                dnnl_memory mDst = memory(dstMd, dst);
                conv(i, p, curMd, cur, dstMd, mDst);
                curMd = dstMd;
                cur = mDst;
                curBuffer = dst;
                if (l.maxPool()) {
                    long[] pooledDims = {batch, l.outChannels(), l.inHeight() / 2, l.inWidth() / 2};
                    dnnl_memory_desc pooledMd = desc(pooledDims, dnnl_u8, dnnl_nhwc);
                    BytePointer pooled = new BytePointer(product(pooledDims));
                    dnnl_memory mPooled = memory(pooledMd, pooled);
                    pool(curMd, cur, pooledMd, mPooled);
                    curMd = pooledMd;
                    cur = mPooled;
                    curBuffer = pooled;
                }
            }
            if (flatOutput) {
                LayerSpec last = posts[n - 1].layer();
                long[] dims = {batch, last.outChannels(), last.outHeight(), last.outWidth()};
                dnnl_memory_desc flatMd = desc(dims, dnnl_u8, dnnl_nchw);
                output = new BytePointer(product(dims));
                dnnl_memory mFlat = memory(flatMd, output);
                dnnl_primitive_desc rpd = new dnnl_primitive_desc();
                check(dnnl_reorder_primitive_desc_create(rpd, curMd, engine(), flatMd, engine(), null), "u8 NHWC→NCHW reorder");
                add(rpd, args(DNNL_ARG_FROM, cur, DNNL_ARG_TO, mFlat));
            } else {
                output = curBuffer;
            }
        }

        /** Conv layer i: u8 NHWC in, u8 NHWC codes of the next layer out, the post-linear step as post-ops. */
        private void conv(int i, Int8Layers.Post p, dnnl_memory_desc srcMd, dnnl_memory src,
                          dnnl_memory_desc dstMd, dnnl_memory dst) {
            LayerSpec l = p.layer();
            int oc = l.outChannels();
            long[] weightDims = {oc, l.inChannels(), l.kernel(), l.kernel()};
            dnnl_memory_desc anyWeights = desc(weightDims, dnnl_s8, dnnl_format_tag_any);
            dnnl_memory_desc plainWeights = desc(weightDims, dnnl_s8, dnnl_oihw);
            dnnl_memory_desc channelMd = desc(new long[] {1, oc, 1, 1}, dnnl_f32, dnnl_nchw);
            dnnl_memory_desc biasMd = desc(new long[] {oc}, dnnl_f32, dnnl_a);
            dnnl_post_ops ops = new dnnl_post_ops();
            check(dnnl_post_ops_create(ops), "post-ops");
            // the float path's (sum·step − mean)·(1/σ), clamp to [0, nextHigh], ·nextInv, in this order: the bias
            // −mean/step and the factor step/σ give the same roundings (class comment)
            check(dnnl_post_ops_append_binary(ops, dnnl_binary_mul, channelMd), "·(step/σ) post-op");
            check(dnnl_post_ops_append_eltwise(ops, dnnl_eltwise_clip, 0f, p.nextHigh()), "clamp post-op");
            check(dnnl_post_ops_append_eltwise(ops, dnnl_eltwise_linear, p.nextInv(), 0f), "·nextInv post-op");
            dnnl_primitive_attr attr = new dnnl_primitive_attr();
            check(dnnl_primitive_attr_create(attr), "primitive attributes");
            check(dnnl_primitive_attr_set_post_ops(attr, ops), "post-op attribute");
            dnnl_primitive_desc pd = new dnnl_primitive_desc();
            long[] pad = {l.padding(), l.padding()};
            check(dnnl_convolution_forward_primitive_desc_create(pd, engine(), dnnl_forward_inference,
                    dnnl_convolution_direct, srcMd, anyWeights, biasMd, dstMd, new long[] {1, 1}, new long[] {0, 0},
                    pad, pad, attr), "int8 conv with post-ops");
            dnnl_memory_desc weightsMd = dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);
            weightCounts[i] = l.weightCount();
            userWeights[i] = new BytePointer(weightCounts[i]);
            dnnl_memory mUser = memory(plainWeights, userWeights[i]);
            dnnl_memory mWeights = memory(weightsMd, new BytePointer(Math.max(1, dnnl_memory_desc_get_size(weightsMd))));
            dnnl_primitive_desc rpd = new dnnl_primitive_desc();
            check(dnnl_reorder_primitive_desc_create(rpd, plainWeights, engine(), weightsMd, engine(), null), "weights reorder");
            reorders[i] = new dnnl_primitive();
            check(dnnl_primitive_create(reorders[i], rpd), "weights reorder primitive");
            reorderArgs[i] = args(DNNL_ARG_FROM, mUser, DNNL_ARG_TO, mWeights);
            biasBuffers[i] = new FloatPointer(oc);
            factorBuffers[i] = new FloatPointer(oc);
            dnnl_memory mBias = memory(biasMd, biasBuffers[i]);
            dnnl_memory mFactor = memory(channelMd, factorBuffers[i]);
            add(pd, args(DNNL_ARG_SRC, src, DNNL_ARG_WEIGHTS, mWeights, DNNL_ARG_BIAS, mBias, DNNL_ARG_DST, dst,
                    postOpSource(0), mFactor));
            keepAlive.add(new Object[] {anyWeights, plainWeights, channelMd, biasMd, ops, attr, weightsMd, mUser, rpd});
        }

        private void pool(dnnl_memory_desc srcMd, dnnl_memory src, dnnl_memory_desc dstMd, dnnl_memory dst) {
            dnnl_primitive_desc pd = new dnnl_primitive_desc();
            check(dnnl_pooling_forward_primitive_desc_create(pd, engine(), dnnl_forward_inference, dnnl_pooling_max,
                    srcMd, dstMd, new long[] {2, 2}, new long[] {2, 2}, new long[] {0, 0}, new long[] {0, 0},
                    new long[] {0, 0}, null), "u8 max-pool");
            add(pd, args(DNNL_ARG_SRC, src, DNNL_ARG_DST, dst));
        }

        private void add(dnnl_primitive_desc pd, dnnl_exec_arg_t a) {
            stepArgCounts.add((int) a.capacity());
            dnnl_primitive prim = new dnnl_primitive();
            check(dnnl_primitive_create(prim, pd), "primitive");
            steps.add(prim);
            stepArgs.add(a);
            keepAlive.add(pd);
        }

        private dnnl_memory memory(dnnl_memory_desc md, Pointer buffer) {
            dnnl_memory m = new dnnl_memory();
            check(dnnl_memory_create(m, md, engine(), buffer), "memory");
            keepAlive.add(md);
            keepAlive.add(m);
            keepAlive.add(buffer);
            return m;
        }

        /**
         * Copies a member's weights in and reorders them into every conv primitive's layout, and binds the run's
         * BatchNorm factors to the per-channel post-op tensors.
         */
        void load(byte[][] weights, float[][] biases, float[][] factors) {
            for (int i = 0; i < userWeights.length; i++) {
                if (weights[i].length != weightCounts[i]) {
                    throw new IllegalArgumentException("conv run layer " + i + ": " + weights[i].length
                            + " weights, expected " + weightCounts[i]);
                }
                userWeights[i].position(0).put(weights[i], 0, weights[i].length);
                biasBuffers[i].position(0).put(biases[i]);
                factorBuffers[i].position(0).put(factors[i]);
            }
            OneDnn.run(() -> {
                var stream = OneDnn.stream();
                for (int i = 0; i < reorders.length; i++) {
                    check(dnnl_primitive_execute(reorders[i], stream, 2, reorderArgs[i]), "weights reorder");
                }
                check(dnnl_stream_wait(stream), "stream wait");
            });
        }

        /** One block: its codes in, every layer's primitives, the last codes out. */
        void apply(byte[] codes, int codesOffset, byte[] out, int outOffset) {
            input.position(0).put(codes, codesOffset, (int) inputCount);
            OneDnn.run(() -> {
                var stream = OneDnn.stream();
                for (int i = 0; i < steps.size(); i++) {
                    dnnl_exec_arg_t a = stepArgs.get(i);
                    check(dnnl_primitive_execute(steps.get(i), stream, stepArgCounts.get(i), a), "int8 conv run step");
                }
                check(dnnl_stream_wait(stream), "stream wait");
            });
            output.position(0).get(out, outOffset, (int) outputCount);
        }
    }

    /** The execution argument of post-op {@code index}'s second (binary) source. */
    private static int postOpSource(int index) {
        return DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE * (index + 1) | DNNL_ARG_SRC_1;
    }

    /** Execution arguments from (kind, memory) pairs. */
    private static dnnl_exec_arg_t args(Object... kindsAndMemories) {
        int n = kindsAndMemories.length / 2;
        dnnl_exec_arg_t a = new dnnl_exec_arg_t(n);
        for (int i = 0; i < n; i++) {
            a.position(i).arg((Integer) kindsAndMemories[2 * i]).memory((dnnl_memory) kindsAndMemories[2 * i + 1]);
        }
        return a.position(0);
    }

    private static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }
}
