package org.bayes2imc.infer.bench;

import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.JavaSgemm;
import org.bayes2imc.infer.NetworkForward;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.infer.Sgemm;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;

import java.util.SplittableRandom;

/**
 * Measures the inference kernels (not a test): GFLOP/s of the per-image conv GEMM of fmnist-small's widest conv
 * (OpenBLAS vs pure Java, one thread) and images/s of the whole fmnist-small forward pass at 1 and N threads.
 * Run: {@code mvn -q -pl core -am test-compile} then
 * {@code java -cp core/target/classes:core/target/test-classes:$(cat /tmp/cp.txt) org.bayes2imc.infer.bench.KernelBench}.
 */
public final class KernelBench {
    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        SplittableRandom rng = new SplittableRandom(1);
        // conv2 of fmnist-small: 32→64 channels at 14×14: M = 64, N = 196, K = 288; conv1 (32→32 at 28×28): 32×784×288.
        int[][] shapes = {{32, 784, 288}, {64, 196, 576}, {64, 256, 3136}};
        for (int[] s : shapes) {
            float[] a = random(rng, s[0] * s[2]);
            float[] b = random(rng, s[2] * s[1]);
            float[] c = new float[s[0] * s[1]];
            for (Sgemm g : new Sgemm[] {Sgemm.best(), new JavaSgemm()}) {
                double flops = 2.0 * s[0] * s[1] * s[2];
                int reps = (int) Math.max(3, 2e10 / flops / (g instanceof JavaSgemm ? 8 : 1));
                for (int r = 0; r < reps / 3; r++) {
                    g.multiply(s[0], s[1], s[2], a, 0, b, 0, false, c, 0);
                }
                long t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    g.multiply(s[0], s[1], s[2], a, 0, b, 0, false, c, 0);
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("sgemm %-8s M=%d N=%d K=%d: %.1f GFLOP/s (1 thread)%n", g.name(), s[0], s[1], s[2], flops * reps / sec / 1e9);
            }
        }
        Architecture arch = Architectures.parse(Architectures.FMNIST_SMALL);
        BbnnModel model = BbnnModel.zeros(arch);
        float[][] w = new float[arch.depth()][];
        for (int i = 0; i < arch.depth(); i++) {
            LayerSpec l = arch.layer(i);
            w[i] = new float[(int) l.weightCount()];
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] = rng.nextBoolean() ? 1f : -1f;
            }
        }
        float[] input = new float[images * arch.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) rng.nextDouble();
        }
        int max = Runtime.getRuntime().availableProcessors();
        for (int threads : new int[] {1, max}) {
            Parallel.setThreads(threads);
            NetworkForward.run(arch, BatchNormStats.of(model), w, input, images); // warm-up (JIT, buffers)
            long t0 = System.nanoTime();
            NetworkForward.run(arch, BatchNormStats.of(model), w, input, images);
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("fmnist-small forward (%s, %d threads): %.0f images/s = %.1f GFLOP/s (%d MACs/image)%n",
                    Sgemm.best().name(), threads, images / sec, 2.0 * arch.macsPerImage() * images / sec / 1e9, arch.macsPerImage());
        }
        // The whole ensemble path (sampling + forward) on a posterior with λ ~ N(0, 1).
        for (int i = 0; i < arch.depth(); i++) {
            float[] lam = model.lambda(i);
            for (int j = 0; j < lam.length; j++) {
                lam[j] = (float) rng.nextGaussian();
            }
        }
        Parallel.setThreads(max);
        var settings = org.bayes2imc.infer.SoftwareEnsemble.Settings.of(2, 1);
        org.bayes2imc.infer.SoftwareEnsemble.memberLogits(model, input, images, settings, org.bayes2imc.io.Progress.NONE);
        long t0 = System.nanoTime();
        org.bayes2imc.infer.SoftwareEnsemble.memberLogits(model, input, images, settings, org.bayes2imc.io.Progress.NONE);
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("fmnist-small ensemble S=2 incl. sampling (%d threads): %.0f member-images/s%n", max, 2 * images / sec);
        // Bit-serial alternative: ±1 weights × 8-bit activations need 8 bit-planes × 2 popcounts per 64 MACs.
        long[] x = new long[1 << 14];
        long[] y = new long[1 << 14];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextLong();
            y[i] = rng.nextLong();
        }
        long acc = 0;
        int reps = 20000;
        t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < x.length; i++) {
                acc += Long.bitCount(x[i] & y[i]) - Long.bitCount(x[i] & ~y[i]);
            }
        }
        sec = (System.nanoTime() - t0) / 1e9;
        double binaryMacs = 64.0 * x.length * reps / sec;
        System.out.printf("popcount: %.1f G binary MACs/s (1 thread) → %.1f G MACs/s = %.1f GFLOP/s-equivalent at 8-bit activations (%d)%n",
                binaryMacs / 1e9, binaryMacs / 8 / 1e9, 2 * binaryMacs / 8 / 1e9, acc & 1);
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextDouble() - 0.5f;
        }
        return x;
    }
}
