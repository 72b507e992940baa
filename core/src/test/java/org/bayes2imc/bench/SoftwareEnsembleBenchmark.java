package org.bayes2imc.bench;

import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.NetworkForward;
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
 * JMH benchmarks of the software ensemble's work unit (issue 17): one member's float forward pass of fmnist-small on
 * one chunk of images, as {@link NetworkForward} runs it (conv layers block by block, channels-last, pool/BN/ReLU
 * fused) and as the layer-by-layer reference {@link LayerForward#forward} does (same bits), and one member's weight
 * draw of the wide FC layer from a posterior as concentrated as the demo model's (86 % deterministic synapses), with
 * the plan (only stochastic synapses visited) and without. Short defaults because the machine is shared. Run:
 * <pre>
 * mvn -B -q -pl core -am test-compile
 * mvn -B -q -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp core/target/test-classes:core/target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main SoftwareEnsembleBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class SoftwareEnsembleBenchmark {
    /** Images per chunk (the ensemble's default chunk is 100: three full 32-image conv blocks and a tail of 4). */
    @Param({"100"})
    public int images;

    /** Fraction of the FC layer's synapses that are stochastic (the demo model's fc4: 0.148). */
    @Param({"0.148"})
    public double stochasticFraction;

    private Architecture arch;
    private BatchNormStats bn;
    private float[][] weights;
    private float[] input;
    private float[] fcProbabilities;
    private WeightSampler.Plan fcPlan;
    private float[] sampled;
    private SplittableRandom rng;

    @Setup
    public void setUp() {
        arch = Architectures.parse(Architectures.FMNIST_SMALL);
        SplittableRandom r = new SplittableRandom(1);
        weights = new float[arch.depth()][];
        float[][] mean = new float[arch.depth()][];
        float[][] var = new float[arch.depth()][];
        for (int i = 0; i < arch.depth(); i++) {
            LayerSpec l = arch.layer(i);
            weights[i] = new float[Math.toIntExact(l.weightCount())];
            for (int j = 0; j < weights[i].length; j++) {
                weights[i][j] = r.nextBoolean() ? 1f : -1f;
            }
            mean[i] = new float[l.outChannels()];
            var[i] = new float[l.outChannels()];
            for (int c = 0; c < l.outChannels(); c++) {
                mean[i][c] = (float) (r.nextGaussian() * Math.sqrt(l.fanIn()));
                var[i][c] = (float) (l.fanIn() * (0.5 + r.nextDouble()));
            }
        }
        bn = new BatchNormStats(mean, var);
        input = new float[images * arch.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        int fc = arch.depth() - 2;
        fcProbabilities = new float[Math.toIntExact(arch.layer(fc).weightCount())];
        for (int i = 0; i < fcProbabilities.length; i++) {
            fcProbabilities[i] = r.nextDouble() < stochasticFraction ? (float) r.nextDouble() : r.nextBoolean() ? 1f : 0f;
        }
        fcPlan = WeightSampler.plan(fcProbabilities);
        sampled = new float[fcProbabilities.length];
        rng = new SplittableRandom(2);
    }

    /** One member on one chunk, as the ensemble runs it: logits [images × classes]. */
    @Benchmark
    public float[] memberChunk() {
        return NetworkForward.run(arch, bn, weights, input, images);
    }

    /** The same logits layer by layer through {@link LayerForward#forward} (NCHW, one pass per step per layer). */
    @Benchmark
    public float[] memberChunkLayerByLayer() {
        float[] x = input;
        for (int i = 0; i < arch.depth(); i++) {
            x = LayerForward.forward(arch.layer(i), weights[i], bn.mean()[i], bn.var()[i], x, images);
        }
        return x;
    }

    /** One member's draw of the FC layer's weights, visiting only the stochastic synapses. */
    @Benchmark
    public float[] sampleFcPlanned() {
        WeightSampler.sample(fcPlan, rng, sampled);
        return sampled;
    }

    /** The same draw testing every synapse. */
    @Benchmark
    public float[] sampleFcEverySynapse() {
        WeightSampler.sample(fcProbabilities, rng, sampled);
        return sampled;
    }
}
