package org.bayes2imc.bench;

import org.bayes2imc.infer.Int8Matmul;
import org.bayes2imc.infer.OneDnn;
import org.bayes2imc.infer.OpenBlasSgemm;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.infer.Sgemm;

import java.util.SplittableRandom;

/**
 * The machine's measured peak, calibrated in the same run as a benchmark (issue 8): a float multiply-add loop the JIT
 * vectorises (independent rows of float[][] updated as acc[i] = acc[i]·a + b, eight rows in flight so the FMA latency
 * is hidden), a large square OpenBLAS SGEMM, a large square oneDNN int8 (u8 × s8 → s32, VNNI) matrix product — the
 * peak of the integer kernels the simulator runs on — and a Long.bitCount popcount loop (binary MACs: 64
 * XNOR-popcount products per 64-bit word). Each runs on {@code threads} threads, one independent kernel per thread through
 * {@link Parallel}, for about {@code seconds} after a warm-up, and reports the best of three timed rounds.
 */
public final class PeakCalibration {
    private PeakCalibration() {
    }

    /**
     * Measured peaks.
     *
     * @param fmaGflops               float FMA loop, GFLOP/s (2 FLOP per multiply-add), all threads
     * @param sgemmGflops             OpenBLAS SGEMM (n × n × n), GFLOP/s, all threads (0 when OpenBLAS is unavailable)
     * @param sgemmSize               n of the SGEMM
     * @param popcountGBinaryMacs     binary MACs per second (×1e9) of the popcount loop, all threads
     * @param threads                 threads used
     * @param sgemmKernel             the SGEMM kernel's name
     * @param fmaGflopsPerCpuSecond   the FMA loop's FLOP per CPU-second of this process (×1e9): the per-core peak
     *                                that survives a shared machine's load
     * @param sgemmGflopsPerCpuSecond the SGEMM's FLOP per CPU-second (×1e9)
     * @param int8GMacs               oneDNN u8 × s8 matrix product (n × n × n), G MAC/s, all threads (0 without VNNI)
     * @param int8GMacsPerCpuSecond   its MACs per CPU-second (×1e9)
     */
    public record Peak(double fmaGflops, double sgemmGflops, int sgemmSize, double popcountGBinaryMacs, int threads,
                       String sgemmKernel, double fmaGflopsPerCpuSecond, double sgemmGflopsPerCpuSecond,
                       double int8GMacs, double int8GMacsPerCpuSecond) {
        /** The higher float peak per CPU-second (same source as {@link #floatPeakSource()}). */
        public double floatPeakGflopsPerCpuSecond() {
            return sgemmGflops >= fmaGflops ? sgemmGflopsPerCpuSecond : fmaGflopsPerCpuSecond;
        }

        /** The higher of the two float peaks: the one a float MAC rate is compared against. */
        public double floatPeakGflops() {
            return Math.max(fmaGflops, sgemmGflops);
        }

        /** Which float peak {@link #floatPeakGflops()} is. */
        public String floatPeakSource() {
            return sgemmGflops >= fmaGflops ? "sgemm" : "fma_loop";
        }
    }

    /** All three kernels on {@code threads} threads, about {@code seconds} each. */
    public static Peak measure(int threads, double seconds) {
        return Parallel.of(threads).call(() -> {
            int n = 1024;
            Sgemm g = Sgemm.best();
            double[] sgemm = g instanceof OpenBlasSgemm ? sgemmRates(g, n, threads, seconds) : new double[2];
            double[] fma = fmaRates(threads, seconds);
            double[] int8 = OneDnn.available() ? int8Rates(n, threads, seconds) : new double[2];
            return new Peak(fma[0], sgemm[0], n, popcountGBinaryMacs(threads, seconds), threads, g.name(), fma[1], sgemm[1],
                    int8[0], int8[1]);
        });
    }

    /** Float multiply-add rate, GFLOP/s. */
    public static double fmaGflops(int threads, double seconds) {
        return fmaRates(threads, seconds)[0];
    }

    /** {GFLOP/s, GFLOP per CPU-second} of the FMA loop. */
    static double[] fmaRates(int threads, double seconds) {
        final int rows = 8;
        final int len = 1024; // 8 × 4 kB: stays in L1
        float[][][] acc = new float[threads][rows][len];
        float[] a = new float[len];
        float[] b = new float[len];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < len; i++) {
            a[i] = 0.999f + (float) rng.nextDouble() * 1e-3f;
            b[i] = (float) rng.nextDouble() * 1e-3f;
        }
        long flopPerPass = 2L * rows * len;
        return scale(rate(threads, seconds, t -> fmaPass(acc[t], a, b, 256), flopPerPass * 256), 1e-9);
    }

    /** One pass: 8 independent rows, each element a dependent chain of {@code reps} multiply-adds. */
    static void fmaPass(float[][] acc, float[] a, float[] b, int reps) {
        for (int r = 0; r < reps; r++) {
            for (float[] row : acc) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = Math.fma(row[i], a[i], b[i]);
                }
            }
        }
    }

    /** OpenBLAS SGEMM n × n × n, one single-threaded SGEMM per thread, GFLOP/s. */
    public static double sgemmGflops(Sgemm g, int n, int threads, double seconds) {
        return sgemmRates(g, n, threads, seconds)[0];
    }

    /** {GFLOP/s, GFLOP per CPU-second} of the SGEMM. */
    static double[] sgemmRates(Sgemm g, int n, int threads, double seconds) {
        SplittableRandom rng = new SplittableRandom(2);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextDouble() - 0.5f;
            b[i] = (float) rng.nextDouble() - 0.5f;
        }
        float[][] c = new float[threads][n * n];
        return scale(rate(threads, seconds, t -> g.multiply(n, n, n, a, 0, b, 0, false, c[t], 0), 2.0 * n * n * n), 1e-9);
    }

    /** {G MAC/s, G MAC per CPU-second} of a u8 × s8 → s32 product n × n × n per thread on oneDNN (as the engine calls it). */
    static double[] int8Rates(int n, int threads, double seconds) {
        SplittableRandom rng = new SplittableRandom(4);
        byte[] a = new byte[n * n];
        byte[] w = new byte[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) rng.nextInt(256);
            w[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        int[][] c = new int[threads][n * n];
        return scale(rate(threads, seconds, t -> Int8Matmul.of(n, n, n).apply(a, 0, w, c[t]), (double) n * n * n), 1e-9);
    }

    /** XNOR-popcount binary MACs per second (×1e9): 64 per word, two popcounts (+1 and −1 matches) per word. */
    public static double popcountGBinaryMacs(int threads, double seconds) {
        int words = 1 << 11; // 2 × 16 kB: L1
        long[] x = new long[words];
        long[] y = new long[words];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < words; i++) {
            x[i] = rng.nextLong();
            y[i] = rng.nextLong();
        }
        long[] sink = new long[threads * 8];
        return rate(threads, seconds, t -> sink[t * 8] += popcountPass(x, y, 64), 64.0 * words * 64)[0] / 1e9;
    }

    /** Σ (matches − mismatches) of ±1 vectors packed 64 per word, {@code reps} times. */
    static long popcountPass(long[] x, long[] y, int reps) {
        long acc = 0;
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < x.length; i++) {
                acc += 64 - 2L * Long.bitCount(x[i] ^ y[i]);
            }
        }
        return acc;
    }

    private static double[] scale(double[] v, double f) {
        return new double[] {v[0] * f, v[1] * f};
    }

    /** CPU time of this process, all threads (ns). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * {work per second, work per CPU-second} of {@code body} run concurrently on every thread, from the best of
     * three timed rounds (by wall time).
     */
    private static double[] rate(int threads, double seconds, java.util.function.IntConsumer body, double workPerCall) {
        // calibrate calls per round on one warm-up round (also JIT-compiles the kernel)
        long calls = 1;
        while (true) {
            long n = calls;
            long t0 = System.nanoTime();
            Parallel.forEach(threads, t -> {
                for (long i = 0; i < n; i++) {
                    body.accept(t);
                }
            });
            double s = (System.nanoTime() - t0) / 1e9;
            if (s > seconds / 6 || calls > (1L << 40)) {
                calls = Math.max(1, (long) (calls * (seconds / 3) / s));
                break;
            }
            calls *= 2;
        }
        double best = 0;
        double bestCpu = 0;
        for (int round = 0; round < 3; round++) {
            long n = calls;
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            Parallel.forEach(threads, t -> {
                for (long i = 0; i < n; i++) {
                    body.accept(t);
                }
            });
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            double work = threads * n * workPerCall;
            if (work / s > best) {
                best = work / s;
                bestCpu = work / Math.max(cpu, 1e-9);
            }
        }
        return new double[] {best, bestCpu};
    }
}
