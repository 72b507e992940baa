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
        int64ImageConvs(arch, rng);
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
            Parallel.of(threads).run(() -> {
                NetworkForward.run(arch, BatchNormStats.of(model), w, input, images); // warm-up (JIT, buffers)
                long t0 = System.nanoTime();
                NetworkForward.run(arch, BatchNormStats.of(model), w, input, images);
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("fmnist-small forward (%s, %d threads): %.0f images/s = %.1f GFLOP/s (%d MACs/image)%n",
                        Sgemm.best().name(), Parallel.current().threads(), images / sec,
                        2.0 * arch.macsPerImage() * images / sec / 1e9, arch.macsPerImage());
            });
        }
        // The whole ensemble path (sampling + forward) on a posterior with λ ~ N(0, 1).
        for (int i = 0; i < arch.depth(); i++) {
            float[] lam = model.lambda(i);
            for (int j = 0; j < lam.length; j++) {
                lam[j] = (float) rng.nextGaussian();
            }
        }
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

    /**
     * fmnist-small's conv layers on a 64-image chunk, one thread: the float path (per-image im2col + OpenBLAS SGEMM)
     * against the exact int8 path (oneDNN u8 × s8 → s32, VNNI), in G MAC/s.
     */
    private static void int64ImageConvs(Architecture arch, SplittableRandom rng) {
        if (!org.bayes2imc.infer.OneDnn.available()) {
            System.out.println("int8 kernels unavailable: " + org.bayes2imc.infer.OneDnn.unavailableReason());
            return;
        }
        Parallel.of(1).run(() -> int64ImageConvsOnOneThread(arch, rng));
    }

    private static void int64ImageConvsOnOneThread(Architecture arch, SplittableRandom rng) {
        int batch = 64;
        for (int l = 1; l < arch.depth(); l++) {
            LayerSpec s = arch.layer(l);
            if (s.kind() != org.bayes2imc.model.LayerKind.CONV) {
                continue;
            }
            byte[] codes = new byte[batch * s.inputSize()];
            float[] real = new float[codes.length];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (byte) rng.nextInt(256);
                real[i] = codes[i] & 0xFF;
            }
            byte[] w = new byte[(int) s.weightCount()];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
            }
            float[] wf = org.bayes2imc.infer.LiveSynapses.toFloat(w);
            double macs = (double) batch * s.macsPerImage();
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                int reps = 20;
                for (int r = 0; r < reps; r++) {
                    org.bayes2imc.infer.LayerForward.linear(s, wf, real, batch);
                }
                double fl = (System.nanoTime() - t0) / 1e9 / reps;
                t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    org.bayes2imc.infer.Int8Layers.linear(s, w, codes, batch);
                }
                double in = (System.nanoTime() - t0) / 1e9 / reps;
                if (round == 1) {
                    System.out.printf("%s 64 images (1 thread): float im2col+%s %.1f G MAC/s, int8 oneDNN %.1f G MAC/s (%.1fx)%n",
                            s.name(), Sgemm.best().name(), macs / fl / 1e9, macs / in / 1e9, fl / in);
                }
            }
        }
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextDouble() - 0.5f;
        }
        return x;
    }
}
