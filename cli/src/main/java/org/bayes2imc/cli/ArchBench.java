package org.bayes2imc.cli;

import org.bayes2imc.bench.PaddedImages;
import org.bayes2imc.bench.PeakCalibration;
import org.bayes2imc.bench.SyntheticPosterior;
import org.bayes2imc.bench.Timings;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.OneDnn;
import org.bayes2imc.infer.WeightDraw;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.train.dense.PytorchDenseEmulation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code bench --arch NAME}: deployment throughput of a named network (issue 17: VGGBinaryConnect, 617 M MACs per
 * 3×32×32 image) on a {@link SyntheticPosterior} with stated per-layer probabilistic row fractions, with Fashion-MNIST
 * test images padded and replicated to the network's input ({@link PaddedImages}; CIFAR-10 is not fetched offline):
 * full ensemble (every layer of every member computed, no reuse of deterministic layers: the dense emulation's
 * work) and LS+RS against the PyTorch dense emulation of the same weight draws, the int8/float peak fraction,
 * and the peak memory of K deployments evaluated one after another at S samples. Timed region as in
 * {@link BenchCommand}.
 */
final class ArchBench {
    private final BenchCommand cmd;
    private final ArchBenchOptions o;
    private final DeployOptions base;
    private final double seconds;
    private final String device;

    /** @param base the bench's deployment options (device, engine, S, seed, time) as BenchCommand built them */
    ArchBench(BenchCommand cmd, ArchBenchOptions options, DeployOptions base, double seconds, String device) {
        this.cmd = cmd;
        this.o = options;
        this.base = base;
        this.seconds = seconds;
        this.device = device;
    }

    int run() {
        Architecture a = Architectures.parse(o.arch);
        double[] rows = SyntheticPosterior.parseRowFractions("--probabilistic-rows", o.probabilisticRows, a);
        Checks.count("--arch-images", o.images, Integer.MAX_VALUE);
        Checks.count("--bn-images", o.bnImages, Integer.MAX_VALUE);
        if (o.memoryDeployments < 0) {
            throw new IllegalArgumentException("--memory-deployments must be >= 0, got " + o.memoryDeployments);
        }
        int samples = cmd.samples;
        int t = base.threads();
        int chunk = base.chunkImages();
        PytorchDenseEmulation.requestTorchThreads(t);
        double loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        OutputDir.claim("--out", cmd.out);

        Path dir = cmd.dataDir != null ? cmd.dataDir : Datasets.defaultDataDir();
        Dataset test = PaddedImages.of(Datasets.load("fashion-mnist", "test", dir, o.images), a.channels(), a.height(), a.width());
        Dataset bn = PaddedImages.of(Datasets.load("fashion-mnist", "train", dir, o.bnImages), a.channels(), a.height(), a.width());
        System.out.printf(Locale.ROOT, "bench --arch %s: synthetic posterior (probabilistic rows %s), BatchNorm on %d images...%n",
                a.name(), java.util.Arrays.toString(rows), bn.size());
        BbnnModel m = SyntheticPosterior.of(a, rows, cmd.seed, bn);
        int n = test.size();
        float[] x = ModelInputs.normalised(m, test);
        System.out.printf(Locale.ROOT, "bench: %s (%d weights, %d MACs/image) on %d padded Fashion-MNIST images, S=%d, "
                + "%s, %d threads, R=%d%n", a.name(), a.weightCount(), a.macsPerImage(), n, samples, device, t, cmd.repeats);
        BenchCommand.Prepared full = BenchCommand.prepare(m, base.withSparsity(SparsityMode.NONE)
                .withReuseDeterministic(false), test);
        BenchCommand.Prepared lsrs = BenchCommand.prepare(m, base.withSparsity(SparsityMode.LS_RS), test);
        WeightDraw draw = BenchCommand.deploymentDraw(full.core(), cmd.seed, 0, seconds);
        PytorchDenseEmulation emulation = new PytorchDenseEmulation(a, BatchNormStats.of(m), full.runner().quantiser(), chunk);

        int warm = Math.min(n, chunk);
        full.core().logits(x, warm, samples, null);
        lsrs.core().logits(x, warm, samples, null);
        emulation.memberLogits(draw, x, warm, samples);

        int r = cmd.repeats;
        double[] tFull = new double[r];
        double[] tLsRs = new double[r];
        double[] tTorch = new double[r];
        float[][][] last = new float[3][][];
        for (int i = 0; i < r; i++) {
            tFull[i] = Timings.time(() -> last[0] = full.core().logits(x, n, samples, null));
            tLsRs[i] = Timings.time(() -> last[1] = lsrs.core().logits(x, n, samples, null));
            tTorch[i] = Timings.time(() -> last[2] = emulation.memberLogits(draw, x, n, samples));
            System.out.printf(Locale.ROOT, "  repeat %d: ours full %.2f s, ours ls+rs %.2f s, pytorch dense %.2f s%n",
                    i + 1, tFull[i], tLsRs[i], tTorch[i]);
        }
        Timings full3 = new Timings(tFull);
        Timings lsrs3 = new Timings(tLsRs);
        Timings torch3 = new Timings(tTorch);
        double agree = BenchCommand.argmaxAgreement(last[0], last[2], a.classes());

        System.out.printf(Locale.ROOT, "calibrating peak (%d threads, %.1f s per kernel)...%n", t, cmd.peakSeconds);
        PeakCalibration.Peak peak = PeakCalibration.measure(t, cmd.peakSeconds);
        double macsPerSecond = (double) samples * a.macsPerImage() * n / full3.median();
        boolean int8 = "int8".equals(full.core().kernel()) && peak.int8GMacs() > 0;
        double peakMacs = int8 ? peak.int8GMacs() * 1e9 : peak.floatPeakGflops() * 1e9 / 2;
        String peakSource = int8 ? "onednn_int8_matmul" : peak.floatPeakSource();

        // Peak memory: K deployments programmed, realised and evaluated in turn, as a design study runs them.
        long m0 = System.nanoTime();
        for (int k = 0; k < o.memoryDeployments; k++) {
            Deployment d = full.runner().program(k);
            DeployedCore core = full.runner().core(d, k, seconds);
            core.logits(x, n, samples, null);
        }
        double memorySeconds = (System.nanoTime() - m0) / 1e9;

        ArchBenchResults res = new ArchBenchResults(1, "bench --arch", a.name() + ":" + a.classes(), "synthetic (SyntheticPosterior, seed " + cmd.seed + ")",
                rows, "fashion-mnist test padded to " + a.height() + "x" + a.width() + ", grey replicated to "
                + a.channels() + " channels", n, samples, r, device, seconds, chunk, cmd.seed, t,
                full.core().kernel(), lsrs.core().kernel(), OneDnn.isa(), lsrs.runner().firstEnsemblingLayer(),
                a.weightCount(), a.macsPerImage(),
                lsrs.core().sharedMacsPerImage(), lsrs.core().memberMacsPerImage(), ArchBenchResults.Seconds.of(full3), ArchBenchResults.Seconds.of(lsrs3), ArchBenchResults.Seconds.of(torch3), n / full3.median(), n / lsrs3.median(),
                n / torch3.median(), torch3.median() / full3.median(), torch3.median() / lsrs3.median(), macsPerSecond,
                peakSource, peakMacs, macsPerSecond / peakMacs, agree, o.memoryDeployments, memorySeconds,
                Runtime.getRuntime().maxMemory(), peakHeapBytes(), peakRssBytes(), loadStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        System.out.printf(Locale.ROOT, "%n%-22s %10s %12s %10s%n", "path", "median s", "images/s", "speedup");
        System.out.printf(Locale.ROOT, "%-22s %10.3f %12.2f %9.2fx%n", "ours full ensemble", full3.median(), res.imagesPerSecondFull(), res.speedupFull());
        System.out.printf(Locale.ROOT, "%-22s %10.3f %12.2f %9.2fx%n", "ours ls+rs", lsrs3.median(), res.imagesPerSecondLsRs(), res.speedupLsRs());
        System.out.printf(Locale.ROOT, "%-22s %10.3f %12.2f %9.2fx%n", "pytorch dense", torch3.median(), res.imagesPerSecondPytorch(), 1.0);
        System.out.printf(Locale.ROOT, "kernels: full %s, ls+rs %s (oneDNN ISA %s); peak_fraction (full, vs %s) = %.3f%n",
                res.kernelFull(), res.kernelLsRs(), res.onednnIsa(), peakSource, res.peakFraction());
        System.out.printf(Locale.ROOT, "memory: %d deployments at S=%d in %.1f s; peak heap %.2f GiB of %.2f GiB max; "
                        + "peak RSS (VmHWM) %.2f GiB%n", o.memoryDeployments, samples, memorySeconds,
                res.peakHeapBytes() / 1073741824.0, res.maxHeapBytes() / 1073741824.0, res.peakRssBytes() / 1073741824.0);
        Path file = cmd.out.resolve("results.json");
        Json.write(file, res);
        System.out.println("wrote " + file);
        return 0;
    }

    /** Sum over the heap pools of their peak use since start. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident set (VmHWM of /proc/self/status) in bytes, or -1 where there is none. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] p = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(p[0]) * 1024L;
                }
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return -1;
    }
}
