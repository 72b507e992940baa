package org.bayes2imc.bench;

import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.LayerSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the simulator's kernels on fmnist-small shapes (issue 8): a conv layer's forward pass
 * (float: oneDNN f32 / im2col GEMM + pool/BN/ReLU), the same layer on the exact int8 path (u8 codes × s8 weights,
 * with and without the post-linear steps to the next layer's codes, fused block by block, and with the steps as oneDNN
 * post-ops, alone and for a member's whole run of conv layers), the float-input first
 * layer straight to codes (FirstConvCodes), a layer's real input to its codes, the wide FC layer, the Bernoulli weight
 * sampler, and the FMA and popcount peak loops.
 * Defaults are short (1 fork, 2 × 1 s warm-up, 3 × 1 s measurement, 1 thread) because the machine is shared. Run:
 * <pre>
 * mvn -B -q -pl core -am test-compile
 * mvn -B -q -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp core/target/test-classes:core/target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main KernelsBenchmark
 * </pre>
 * (JMH options after the class pattern, e.g. {@code -p layer=3 -t 2}; divide MACs per op by the time per op for
 * MAC rates: conv layer 1 = 7,225,344 MACs/image, layer 3 = 7,225,344, FC layer 4 = 802,816.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
public class KernelsBenchmark {
    /** fmnist-small layer index: 1 = conv 32→32 at 28×28, 3 = conv 64→64 at 14×14, 4 = FC 3136→256. */
    @Param({"1", "3", "4"})
    public int layer;

    /** The network whose layer is timed; {@code -p network=vgg-binaryconnect -p layer=1} times VGG's 128→128 conv at 32×32. */
    @Param({"fmnist-small"})
    public String network;

    /** Images per call (one chunk of the deploy path; bench's default chunk is 64). */
    @Param({"16", "64"})
    public int batch;

    /** Images per fused conv block; 0 = {@code Int8Layers.fusedBlockImages} (sized to the cache). */
    @Param({"0"})
    public int fusedBlock;

    /** Images per block of the oneDNN conv run; 0 = sized to the cache ({@code Int8ConvChain.BLOCK_BYTES}). */
    @Param({"0"})
    public int chainBlock;

    private LayerSpec spec;
    private float[] weights;
    private float[] probabilities;
    private float[] mean;
    private float[] var;
    private float[] input;
    private float[] sampled;
    private byte[] codes;
    private byte[] weights8;
    private org.bayes2imc.model.LayerSpec next;
    private org.bayes2imc.infer.Int8Layers.Post post;
    private SplittableRandom rng;
    private float[][] fmaRows;
    private float[] fmaA;
    private float[] fmaB;
    private long[] bitsX;
    private long[] bitsY;
    private org.bayes2imc.infer.FirstConvCodes firstConv;
    private float[][] firstShifted;
    private byte[] firstWeights;
    /** Ten members' first-layer weights: equal but for one channel's filter in each of members 1–9 (as on the chip). */
    private byte[][] firstMembersMostlyShared;
    /** Ten members' first-layer weights drawn independently (no filter shared: the worst case for sharing). */
    private byte[][] firstMembersIndependent;
    private org.bayes2imc.infer.Int8ConvChain layerChain;
    private org.bayes2imc.infer.Int8Layers.Post[] runPosts;
    private byte[][] runWeights;
    private byte[] runCodes;
    private org.bayes2imc.infer.Int8ConvChain runChain;
    private org.bayes2imc.infer.UniformActivationQuantiser codesQuantiser;

    @Setup
    public void setUp() {
        Architecture a = Architectures.parse(network);
        spec = a.layer(layer);
        SplittableRandom r = new SplittableRandom(1);
        int n = Math.toIntExact(spec.weightCount());
        weights = new float[n];
        probabilities = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = r.nextBoolean() ? 1f : -1f;
            probabilities[i] = (float) r.nextDouble();
        }
        mean = new float[spec.outChannels()];
        var = new float[spec.outChannels()];
        java.util.Arrays.fill(var, spec.fanIn());
        input = new float[batch * spec.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextDouble();
        }
        sampled = new float[n];
        codes = new byte[input.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) r.nextInt(256);
        }
        weights8 = org.bayes2imc.infer.LiveSynapses.toBytes(weights);
        codesQuantiser = org.bayes2imc.infer.UniformActivationQuantiser.uniform(8, 0f, 15.9375f, a.depth());
        next = a.layer(layer + 1);
        post = new org.bayes2imc.infer.Int8Layers.Post(spec, 0x1p-4f, mean, var, next, 15.9375f, 16f);
        rng = new SplittableRandom(2);
        LayerSpec first = a.layer(0);
        float[] firstVar = new float[first.outChannels()];
        java.util.Arrays.fill(firstVar, first.fanIn());
        firstConv = org.bayes2imc.infer.FirstConvCodes.of(first, new float[first.outChannels()], firstVar, a.layer(1),
                15.9375f, 16f).orElse(null);
        float[] firstInput = new float[batch * first.inputSize()];
        for (int i = 0; i < firstInput.length; i++) {
            firstInput[i] = (float) (r.nextDouble() * 2 - 0.5);
        }
        firstShifted = firstConv == null ? null : firstConv.shifted(firstInput, batch);
        firstWeights = new byte[Math.toIntExact(first.weightCount())];
        for (int i = 0; i < firstWeights.length; i++) {
            firstWeights[i] = (byte) (r.nextBoolean() ? 1 : -1);
        }
        firstMembersMostlyShared = new byte[10][];
        firstMembersIndependent = new byte[10][firstWeights.length];
        for (int m = 0; m < 10; m++) {
            firstMembersMostlyShared[m] = firstWeights.clone();
            if (m > 0) {
                firstMembersMostlyShared[m][m * first.fanIn()] *= -1;
            }
            for (int i = 0; i < firstWeights.length; i++) {
                firstMembersIndependent[m][i] = (byte) (r.nextBoolean() ? 1 : -1);
            }
        }
        layerChain = spec.kind() == org.bayes2imc.model.LayerKind.CONV
                ? org.bayes2imc.infer.Int8ConvChain.of(post).orElse(null) : null;
        // the member's conv layers after the first, up to the first FC layer (fmnist-small: conv1+pool, conv2, conv3+pool)
        int end = 1;
        while (end + 1 < a.depth() && a.layer(end).kind() == org.bayes2imc.model.LayerKind.CONV) {
            end++;
        }
        runPosts = new org.bayes2imc.infer.Int8Layers.Post[end - 1];
        runWeights = new byte[end - 1][];
        for (int l = 1; l < end; l++) {
            LayerSpec s = a.layer(l);
            float[] v = new float[s.outChannels()];
            java.util.Arrays.fill(v, s.fanIn());
            runPosts[l - 1] = new org.bayes2imc.infer.Int8Layers.Post(s, 0x1p-4f, new float[s.outChannels()], v,
                    a.layer(l + 1), 15.9375f, 16f);
            runWeights[l - 1] = new byte[Math.toIntExact(s.weightCount())];
            for (int i = 0; i < runWeights[l - 1].length; i++) {
                runWeights[l - 1][i] = (byte) (r.nextBoolean() ? 1 : -1);
            }
        }
        runCodes = new byte[batch * a.layer(1).inputSize()];
        for (int i = 0; i < runCodes.length; i++) {
            runCodes[i] = (byte) r.nextInt(256);
        }
        runChain = runPosts.length == 0 ? null : org.bayes2imc.infer.Int8ConvChain.of(runPosts).orElse(null);
        fmaRows = new float[8][1024];
        fmaA = new float[1024];
        fmaB = new float[1024];
        java.util.Arrays.fill(fmaA, 0.9999f);
        java.util.Arrays.fill(fmaB, 1e-4f);
        bitsX = new long[2048];
        bitsY = new long[2048];
        for (int i = 0; i < bitsX.length; i++) {
            bitsX[i] = r.nextLong();
            bitsY[i] = r.nextLong();
        }
    }

    /** The layer's whole forward pass on one chunk (linear GEMM + max-pool/BatchNorm/ReLU). */
    @Benchmark
    public float[] layerForward() {
        return LayerForward.forward(spec, weights, mean, var, input, batch);
    }

    /** The linear part only (the MACs). */
    @Benchmark
    public float[] layerLinear() {
        return LayerForward.linear(spec, weights, input, batch);
    }

    /** The int8 linear part: oneDNN u8 × s8 → s32 (exact). */
    @Benchmark
    public int[] int8Linear() {
        return org.bayes2imc.infer.Int8Layers.linear(spec, weights8, codes, batch);
    }

    /** A chunk's real layer input quantised to the codes the layer's int8 kernel reads (NHWC for conv, flat for FC). */
    @Benchmark
    public byte[] int8Codes() {
        return org.bayes2imc.infer.Int8Layers.codes(spec, codesQuantiser, layer, input, batch);
    }

    /** The int8 layer as the deployed core runs it: sums, then pool/BN/ReLU straight into the next layer's codes. */
    @Benchmark
    public Object int8LayerToCodes() {
        int[] sums = org.bayes2imc.infer.Int8Layers.linear(spec, weights8, codes, batch);
        return org.bayes2imc.infer.Int8Layers.post(spec, sums, batch, 0x1p-4f, mean, var, next, 15.9375f, 16f);
    }

    /**
     * The same layer fused (issue 17): blocks of images sized to the cache, weights reordered once, each block's sums
     * turned into the next layer's codes while in cache; same bits as {@link #int8LayerToCodes}.
     */
    @Benchmark
    public Object int8LayerFused() {
        return fusedBlock == 0 ? org.bayes2imc.infer.Int8Layers.fused(post, weights8, codes, batch)
                : org.bayes2imc.infer.Int8Layers.fused(post, weights8, codes, batch, fusedBlock);
    }

    /**
     * The same conv layer on oneDNN with its post-linear step as post-ops (Int8ConvChain, issue 17): u8 codes in, the
     * next layer's u8 codes out, no Java loop over the sums; same bits as {@link #int8LayerFused}. Null for FC layers.
     */
    @Benchmark
    public byte[] int8LayerChain() {
        return layerChain == null ? null : layerChain.codes(new byte[][] {weights8}, codes, batch);
    }

    /**
     * One member's conv layers after the first (up to the first FC layer) on the Java fused path, layer by layer, as
     * the deploy path ran them before Int8ConvChain; independent of {@code layer}.
     */
    @Benchmark
    public Object int8ConvRunFused() {
        Object y = runCodes;
        for (int i = 0; i < runPosts.length; i++) {
            y = org.bayes2imc.infer.Int8Layers.fused(runPosts[i], runWeights[i], (byte[]) y, batch);
        }
        return y;
    }

    /** The same run on oneDNN primitives end to end (Int8ConvChain: post-ops, u8 max-pool, NCHW reorder); same bits. */
    @Benchmark
    public byte[] int8ConvRunChain() {
        return chainBlock == 0 ? runChain.codes(runWeights, runCodes, batch)
                : runChain.codes(runWeights, runCodes, batch, chainBlock);
    }

    /**
     * The network's float-input first conv layer for one member straight to layer 1's codes on the deploy path
     * (FirstConvCodes: taps over input planes shifted once per chunk, issue 17); independent of {@code layer}.
     */
    @Benchmark
    public byte[] firstConvCodes() {
        return firstConv.codes(firstWeights, firstShifted, batch);
    }

    /**
     * Ten members' first-layer codes of one chunk with each distinct filter of a channel computed once
     * (FirstConvCodes.members), filters mostly shared as on the chip; compare with ten times {@link #firstConvCodes}.
     */
    @Benchmark
    public byte[] firstConvCodesTenMembersShared() {
        return allCodes(firstMembersMostlyShared);
    }

    /** As {@link #firstConvCodesTenMembersShared} with no filter shared (the fallback's cost). */
    @Benchmark
    public byte[] firstConvCodesTenMembersIndependent() {
        return allCodes(firstMembersIndependent);
    }

    private byte[] allCodes(byte[][] members) {
        org.bayes2imc.infer.FirstConvCodes.Members all = firstConv.members(members, firstShifted, batch);
        byte[] last = null;
        for (int m = 0; m < members.length; m++) {
            last = all.codes(m);
        }
        return last;
    }

    /** One member's Bernoulli draw of the layer's weights (one uniform per synapse). */
    @Benchmark
    public float[] sampleLayer() {
        WeightSampler.sample(probabilities, rng, sampled);
        return sampled;
    }

    /** 8 × 1024 float FMAs × 16 passes (2 FLOP each): the FMA peak loop. */
    @Benchmark
    public float[][] fmaLoop() {
        PeakCalibration.fmaPass(fmaRows, fmaA, fmaB, 16);
        return fmaRows;
    }

    /** 2048 words × 64 binary MACs × 16 passes: the XNOR-popcount loop. */
    @Benchmark
    public long popcount() {
        return PeakCalibration.popcountPass(bitsX, bitsY, 16);
    }
}
