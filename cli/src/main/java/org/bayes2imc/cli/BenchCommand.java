package org.bayes2imc.cli;

import org.bayes2imc.bench.PeakCalibration;
import org.bayes2imc.bench.Timings;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.config.DeviceConfig;
import org.bayes2imc.config.ExperimentConfig;
import org.bayes2imc.imc.EngineConfig;
import org.bayes2imc.imc.SamplingConfig;
import org.bayes2imc.imc.StudyConfig;
import org.bayes2imc.random.CounterRandom;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.study.DeploymentRow;
import org.bayes2imc.study.DeploymentRunner;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyResult;
import org.bayes2imc.io.Progress;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.Sgemm;
import org.bayes2imc.infer.WeightDraw;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.io.Json;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.Evaluation;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.train.dense.PytorchDenseEmulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bayes2imc bench}: the simulator's speed against a PyTorch dense emulation and the machine's measured peak
 * (issue 8), in one run on the same model, data, S and device settings. Timed: only the ensemble evaluation of
 * already normalised images on an already programmed and realised deployment (loading data, solving conductances,
 * programming and activation-range calibration happen before, untimed; the programming cost appears separately in the
 * deployment-scaling rows). The dense emulation's time includes its weight draws (the same draws as ours) and the
 * PyTorch ops. Each path is warmed up once on a few chunks first (JIT, native library load), and the R repeats
 * interleave the three paths so slow periods of a shared machine hit all of them alike.
 *
 * <p>results.json: {@code settings} (incl. machine facts), {@code bench} {ours_full_seconds, ours_ls_rs_seconds,
 * pytorch_dense_seconds (medians) and their *_min/*_max, *_cpu_seconds, speedup_full, speedup_ls_rs, useful MACs,
 * macs_per_second_*, peak_gflops (float peak: the better of the FMA loop and OpenBLAS SGEMM), peak_source,
 * peak_fraction = 2 × our full-ensemble MACs/s ÷ peak_gflops, popcount_g_binary_macs_per_second, accuracies, logit
 * agreement}, and with --scaling {@code scaling} {samples: rows over S ∈ {1, 10, 100}, deployments: rows over K ∈ {1, 2, 4}}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the deployment simulator (full ensemble and ls+rs) against a PyTorch dense float emulation "
                + "drawing the same weight samples, and against the machine's measured FMA/SGEMM/popcount peak.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--model", description = "model file (.safetensors); required unless --arch")
    Path model;
    @picocli.CommandLine.Mixin
    ArchBenchOptions archOptions;
    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "test dataset (default: ${DEFAULT-VALUE})")
    String dataset;
    @picocli.CommandLine.Mixin
    LimitOption limitOption;
    @Option(names = "--data-dir", description = "data cache directory (default: $BAYES2IMC_DATA_DIR or ~/.cache/bayes2imc/data)")
    Path dataDir;
    @picocli.CommandLine.Mixin
    SamplesOption samplesOption;
    /** --samples, validated at the start of call(). */
    int samples;
    @Option(names = "--repeats", defaultValue = "3", description = "timed repeats R per path; medians and min-max reported (default: ${DEFAULT-VALUE})")
    int repeats;
    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions;
    @Option(names = "--time", defaultValue = "20s", description = "evaluation time after programming (default: ${DEFAULT-VALUE})")
    String time;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;
    /** Threads (ours and PyTorch's intra-op threads), kernels, chunk (also the PyTorch batch size). */
    @picocli.CommandLine.Mixin
    EngineOptions engine;
    @Option(names = "--scaling", description = "also time S in {1, 10, 100} and deployments in {1, 2, 4} on a subset")
    boolean scaling;
    @Option(names = "--scaling-limit", defaultValue = "500", description = "images of the scaling subset (default: ${DEFAULT-VALUE})")
    int scalingLimit;

    @Option(names = "--peak-seconds", defaultValue = "1", description = "seconds per peak-calibration kernel (default: ${DEFAULT-VALUE})")
    double peakSeconds;
    @Option(names = "--out", defaultValue = "out/bench", description = "output directory for results.json (default: ${DEFAULT-VALUE})")
    Path out;

    /** A programmed, realised deployment ready to evaluate (everything before the timed region). */
    record Prepared(DeploymentRunner runner, DeployedCore core) {
    }

    /** Everything the timed region needs, built untimed: the data, both deployments and the dense emulation. */
    private record Plan(BbnnModel model, Dataset test, float[] images, Prepared full, Prepared lsRs, WeightDraw draw,
                        PytorchDenseEmulation emulation, DeployOptions base, int threads, double loadAverageStart) {
        int n() {
            return test.size();
        }
    }

    /** The R timed repeats of the three paths: wall and CPU seconds, the last logits of each, the warm-up size. */
    private record Repeats(Timings full, Timings lsRs, Timings torch, Timings fullCpu, Timings lsRsCpu,
                           Timings torchCpu, float[][][] lastLogits, int warmImages, String torchVersion) {
    }

    /** The peak our kernels are compared with: int8 VNNI MACs or float FLOPs (as MACs), per second and CPU second. */
    private record PeakBasis(double macsPerSecond, double macsPerCpuSecond, String source) {
        static PeakBasis of(Prepared full, PeakCalibration.Peak peak) {
            boolean int8 = "int8".equals(full.core().kernel()) && peak.int8GMacs() > 0;
            return int8 ? new PeakBasis(peak.int8GMacs() * 1e9, peak.int8GMacsPerCpuSecond() * 1e9, "onednn_int8_matmul")
                    : new PeakBasis(peak.floatPeakGflops() * 1e9 / 2, peak.floatPeakGflopsPerCpuSecond() * 1e9 / 2,
                    peak.floatPeakSource());
        }
    }

    /** Set by {@link #parse()}: --time in seconds and --limit. */
    private double seconds;
    private int limit;

    @Override
    public Integer call() {
        DeployOptions base = parse();
        if (archOptions.requested()) {
            return new ArchBench(this, archOptions, base, seconds, deviceOptions.model).run();
        }
        Plan plan = plan(base);
        Repeats timed = timeRepeats(plan);
        System.out.printf(Locale.ROOT, "calibrating peak (%d threads, %.1f s per kernel)...%n", plan.threads(), peakSeconds);
        PeakCalibration.Peak peak = PeakCalibration.measure(plan.threads(), peakSeconds);
        BenchResults.Bench bench = figures(plan, timed, peak);
        BenchResults.Settings settings = settings(plan, timed);
        print(plan, timed, peak, bench);
        BenchResults.Scaling byScale = scaling ? scaling(plan.model(), base, plan.test(), plan.draw(), plan.emulation()) : null;
        Path file = out.resolve("results.json");
        Json.write(file, new BenchResults(1, "bench", settings, bench, byScale));
        System.out.println("wrote " + file);
        return 0;
    }

    /** Checks every option, naming it, and gives the deployment settings of both paths. */
    private DeployOptions parse() {
        samples = samplesOption.value();
        limit = limitOption.value();
        Checks.count("--repeats", repeats, 1000);
        check((model != null) != archOptions.requested(), "bench needs exactly one of --model and --arch");
        Checks.count("--scaling-limit", scalingLimit, Integer.MAX_VALUE);
        check(peakSeconds > 0 && peakSeconds <= 60, "--peak-seconds must be in (0, 60], got " + peakSeconds);
        seconds = Checks.seconds("--time", time);
        return ExperimentConfig.builder()
                .optDevice(deviceOptions.apply(DeviceConfig.defaults(), Given.ALL))
                .optEngine(engine.apply(EngineConfig.defaults(), Given.ALL))
                .optSampling(SamplingConfig.builder().optSamples(samples).build())
                .optStudy(StudyConfig.builder().optDeployments(1).optSeed(seed).optSeconds(seconds).build())
                .build().deployOptions();
    }

    /** Loads the model and data, programs and realises both deployments and builds the dense emulation (untimed). */
    private Plan plan(DeployOptions base) {
        int t = base.threads();
        PytorchDenseEmulation.requestTorchThreads(t);
        double loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        OutputDir.claim("--out", out);
        BbnnModel m = ModelFile.read(model);
        Path dir = dataDir != null ? dataDir : Datasets.defaultDataDir();
        Dataset test = Datasets.load(dataset, "test", dir, limit == 0 ? Integer.MAX_VALUE : limit);
        ModelInputs.checkShape(m, test);
        Architecture a = m.architecture();
        float[] x = ModelInputs.normalised(m, test);
        System.out.printf(Locale.ROOT, "bench: %s on %d %s images, S=%d, %s, %d threads, R=%d%n", a.name(), test.size(),
                dataset, samples, deviceOptions.model, t, repeats);
        Prepared full = prepare(m, base.withSparsity(SparsityMode.NONE), test);
        Prepared lsrs = prepare(m, base.withSparsity(SparsityMode.LS_RS), test);
        WeightDraw draw = deploymentDraw(full.core(), seed, 0, seconds);
        PytorchDenseEmulation emulation = new PytorchDenseEmulation(a, BatchNormStats.of(m), full.runner().quantiser(),
                base.chunkImages());
        return new Plan(m, test, x, full, lsrs, draw, emulation, base, t, loadStart);
    }

    /** The timed region: one warm-up per path, then R repeats interleaving the three paths. */
    private Repeats timeRepeats(Plan p) {
        float[] x = p.images();
        int n = p.n();
        // warm-up: JIT, OpenBLAS buffers, PyTorch engine load
        int warm = Math.min(n, 2 * p.base().chunkImages());
        p.full().core().logits(x, warm, samples, null);
        p.lsRs().core().logits(x, warm, samples, null);
        p.emulation().memberLogits(p.draw(), x, warm, samples);
        String torchVersion = PytorchDenseEmulation.engineVersion();

        double[] tFull = new double[repeats];
        double[] tLsRs = new double[repeats];
        double[] tTorch = new double[repeats];
        double[] cFull = new double[repeats];
        double[] cLsRs = new double[repeats];
        double[] cTorch = new double[repeats];
        float[][][] last = new float[3][][];
        for (int r = 0; r < repeats; r++) {
            long c0 = cpuNanos();
            tFull[r] = Timings.time(() -> last[0] = p.full().core().logits(x, n, samples, null));
            long c1 = cpuNanos();
            tLsRs[r] = Timings.time(() -> last[1] = p.lsRs().core().logits(x, n, samples, null));
            long c2 = cpuNanos();
            double s0 = p.emulation().samplingSeconds();
            tTorch[r] = Timings.time(() -> last[2] = p.emulation().memberLogits(p.draw(), x, n, samples));
            long c3 = cpuNanos();
            cFull[r] = (c1 - c0) / 1e9;
            cLsRs[r] = (c2 - c1) / 1e9;
            cTorch[r] = (c3 - c2) / 1e9;
            System.out.printf(Locale.ROOT, "  repeat %d: ours full %.2f s, ours ls+rs %.2f s, pytorch dense %.2f s "
                    + "(of which weight draws %.2f s)%n", r + 1, tFull[r], tLsRs[r], tTorch[r],
                    p.emulation().samplingSeconds() - s0);
        }
        return new Repeats(new Timings(tFull), new Timings(tLsRs), new Timings(tTorch), new Timings(cFull),
                new Timings(cLsRs), new Timings(cTorch), last, warm, torchVersion);
    }

    /** Accuracies, agreement and throughput of the timed paths against the measured peaks (bench's figures). */
    private BenchResults.Bench figures(Plan p, Repeats r, PeakCalibration.Peak peak) {
        Architecture a = p.model().architecture();
        double temperature = p.model().calibrationTemperature();
        int classes = a.classes();
        float[][][] last = r.lastLogits();
        double accFull = Evaluation.of(new EnsembleLogits(classes, last[0]), p.test().labels(), temperature, null).accuracy();
        double accLsRs = Evaluation.of(new EnsembleLogits(classes, last[1]), p.test().labels(), temperature, null).accuracy();
        double accTorch = Evaluation.of(new EnsembleLogits(classes, last[2]), p.test().labels(), temperature, null).accuracy();
        double agree = argmaxAgreement(last[0], last[2], classes);

        long macsPerImage = a.macsPerImage();
        double fullMacs = (double) samples * macsPerImage * p.n();
        double macsPerSecond = fullMacs / r.full().median();
        PeakBasis basis = PeakBasis.of(p.full(), peak);
        double peakFraction = macsPerSecond / basis.macsPerSecond();
        // per CPU-second: both sides counted in this process's CPU time, so the figure survives other jobs' load
        double cpuMacsPerSecond = fullMacs / r.fullCpu().median();
        Timings full3 = r.full();
        Timings lsrs3 = r.lsRs();
        Timings torch3 = r.torch();
        return new BenchResults.Bench(full3.median(), full3.min(), full3.max(), all(full3),
                lsrs3.median(), lsrs3.min(), lsrs3.max(), all(lsrs3), torch3.median(), torch3.min(), torch3.max(),
                all(torch3), r.fullCpu().median(), r.lsRsCpu().median(), r.torchCpu().median(),
                p.emulation().samplingSeconds() / repeats, torch3.median() / full3.median(),
                torch3.median() / lsrs3.median(), macsPerImage, fullMacs, p.lsRs().core().sharedMacsPerImage(),
                p.lsRs().core().memberMacsPerImage(), macsPerSecond, fullMacs / lsrs3.median(), fullMacs / torch3.median(),
                peak.floatPeakGflops(), basis.source(), basis.macsPerSecond(), peakFraction, peak.int8GMacs(),
                2 * macsPerSecond / (peak.floatPeakGflops() * 1e9),
                2 * fullMacs / torch3.median() / (peak.floatPeakGflops() * 1e9), cpuMacsPerSecond,
                fullMacs / r.torchCpu().median(), peak.floatPeakGflopsPerCpuSecond(),
                cpuMacsPerSecond / basis.macsPerCpuSecond(), peak.fmaGflops(), peak.sgemmGflops(), peak.sgemmSize(),
                peak.popcountGBinaryMacs(), accFull, accLsRs, accTorch, agree);
    }

    /** The run's settings and the machine, its load average read now (after the timed region and the peak). */
    private BenchResults.Settings settings(Plan p, Repeats r) {
        BenchResults.Machine machine = new BenchResults.Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Sgemm.best().name(),
                org.bayes2imc.infer.OneDnn.isa(), 1, r.torchVersion(), p.threads(), p.loadAverageStart(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return new BenchResults.Settings(model.toString(), p.model().architecture().name(), dataset, limit, p.n(),
                samples, repeats, deviceOptions.model, seconds, p.base().chunkImages(), seed, p.threads(),
                p.base().activationBits(), p.base().kernel().name().toLowerCase(Locale.ROOT), p.full().core().kernel(),
                p.lsRs().core().kernel(), p.lsRs().runner().firstEnsemblingLayer(),
                "ensemble evaluation of normalised images on a programmed, realised deployment; "
                        + "data loading, conductance solving, programming and activation calibration untimed; "
                        + "pytorch time includes its weight draws; one warm-up run per path on " + r.warmImages() + " images",
                machine);
    }

    /** The summary table and the throughput lines. */
    private void print(Plan p, Repeats r, PeakCalibration.Peak peak, BenchResults.Bench b) {
        PeakBasis basis = PeakBasis.of(p.full(), peak);
        System.out.printf(Locale.ROOT, "%n%-22s %10s %19s %10s %9s%n", "path", "median s", "min-max s", "speedup", "accuracy");
        row("ours full ensemble", r.full(), b.speedupFull(), b.accuracyOursFull());
        row("ours ls+rs", r.lsRs(), b.speedupLsRs(), b.accuracyOursLsRs());
        row("pytorch dense", r.torch(), 1.0, b.accuracyPytorchDense());
        System.out.printf(Locale.ROOT, "useful MACs: %.3g (S x %d MACs/image x %d images)%n", b.fullEnsembleMacs(),
                b.macsPerImage(), p.n());
        System.out.printf(Locale.ROOT, "ours full: %.2f GMAC/s = %.1f GFLOP/s; pytorch %.2f GMAC/s; ls+rs equivalent %.2f GMAC/s%n",
                b.macsPerSecondFull() / 1e9, 2 * b.macsPerSecondFull() / 1e9, b.macsPerSecondPytorch() / 1e9,
                b.macsPerSecondLsRsEquivalent() / 1e9);
        System.out.printf(Locale.ROOT, "kernels: full %s, ls+rs %s (oneDNN ISA %s)%n", p.full().core().kernel(),
                p.lsRs().core().kernel(), org.bayes2imc.infer.OneDnn.isa());
        System.out.printf(Locale.ROOT, "peak (%d threads): FMA loop %.1f GFLOP/s, OpenBLAS SGEMM %d^3 %.1f GFLOP/s, "
                        + "oneDNN int8 %.1f G MAC/s, popcount %.1f G binary MAC/s%n", p.threads(), peak.fmaGflops(),
                peak.sgemmSize(), peak.sgemmGflops(), peak.int8GMacs(), peak.popcountGBinaryMacs());
        System.out.printf(Locale.ROOT, "peak_fraction (full, vs %s) = %.3f; vs the float peak %.3f%n", basis.source(),
                b.peakFraction(), b.floatPeakFraction());
        System.out.printf(Locale.ROOT, "per CPU-second: ours full %.2f GMAC, pytorch %.2f GMAC; peak %.1f GMAC; "
                        + "peak_fraction_cpu = %.3f%n", b.macsPerCpuSecondFull() / 1e9, b.macsPerCpuSecondPytorch() / 1e9,
                basis.macsPerCpuSecond() / 1e9, b.peakFractionCpu());
        System.out.printf(Locale.ROOT, "predictions agree (ours full vs pytorch, same weights): %.4f%n",
                b.predictionAgreementFullVsPytorch());
    }

    private BenchResults.Scaling scaling(BbnnModel m, DeployOptions base, Dataset test, WeightDraw draw,
                                         PytorchDenseEmulation emu) {
        int n = Math.min(scalingLimit, test.size());
        float[] x = ModelInputs.normalised(m, test);
        List<BenchResults.BySamples> bySamples = new ArrayList<>();
        List<BenchResults.ByDeployments> byDeployments = new ArrayList<>();
        Prepared full = prepare(m, base.withSparsity(SparsityMode.NONE), test);
        Prepared lsrs = prepare(m, base.withSparsity(SparsityMode.LS_RS), test);
        System.out.printf(Locale.ROOT, "%nscaling on %d images: time vs S (seconds)%n%6s %10s %10s %12s%n", n, "S",
                "none", "ls+rs", "pytorch");
        for (int members : new int[] {1, 10, 100}) {
            long c0 = cpuNanos();
            double a = Timings.time(() -> full.core().logits(x, n, members, null));
            long c1 = cpuNanos();
            double b = Timings.time(() -> lsrs.core().logits(x, n, members, null));
            long c2 = cpuNanos();
            double c = Timings.time(() -> emu.memberLogits(draw, x, n, members));
            long c3 = cpuNanos();
            bySamples.add(new BenchResults.BySamples(members, a, b, c, (c1 - c0) / 1e9, (c2 - c1) / 1e9,
                    (c3 - c2) / 1e9));
            System.out.printf(Locale.ROOT, "%6d %10.3f %10.3f %12.3f   (CPU s: %.3f %.3f %.3f)%n", members, a, b, c,
                    (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c3 - c2) / 1e9);
        }
        System.out.printf(Locale.ROOT, "time vs deployments K at S=%d (program + realise + evaluate, seconds)%n%6s %22s %22s%n",
                samples, "K", "none (eval / program)", "ls+rs (eval / program)");
        Dataset subset = test.slice(0, n);
        for (int k : new int[] {1, 2, 4}) {
            // the study engine's own loop: program each deployment, realise it, read the subset (activation ranges
            // from the test images, as above); its per-deployment timings are the figures
            StudyResult r = Study.builder().setModel(m).setTest(subset).setCalibration(test)
                    .addConfiguration("none", base.withSparsity(SparsityMode.NONE))
                    .addConfiguration("ls_rs", base.withSparsity(SparsityMode.LS_RS))
                    .optDeployments(k).optSoftware(false).build().run(Progress.NONE);
            double[] evalSeconds = new double[2];
            double[] programSeconds = new double[2];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d", k));
            for (int path = 0; path < 2; path++) {
                List<DeploymentRow> rows = r.cells().get(path).deployments();
                evalSeconds[path] = rows.stream().mapToDouble(DeploymentRow::evaluationSeconds).sum();
                programSeconds[path] = rows.stream().mapToDouble(DeploymentRow::programmingSeconds).sum();
                line.append(String.format(Locale.ROOT, " %10.3f / %9.3f", evalSeconds[path], programSeconds[path]));
            }
            System.out.println(line);
            byDeployments.add(new BenchResults.ByDeployments(k, evalSeconds[0], programSeconds[0], evalSeconds[1],
                    programSeconds[1]));
        }
        return new BenchResults.Scaling(n, bySamples, byDeployments);
    }

    /** Programs deployment 0 and realises it at the evaluation time, calibrating activations on the test images. */
    static Prepared prepare(BbnnModel m, DeployOptions o, Dataset test) {
        DeploymentRunner runner = new DeploymentRunner(m, o);
        runner.calibrateActivations(test);
        return new Prepared(runner, runner.core(runner.program(0), 0, o.seconds()));
    }

    /**
     * The ±1 weights the simulator's Bernoulli sense-amplifier sampler draws for deployment {@code index} at
     * {@code seconds} with sparsity off: per (member, layer, chunk) a Bernoulli draw of the realised probabilities on
     * the same keyed stream (DeploymentRunner keys its streams by (seed, index, time bits, 7)). A test checks that the
     * dense emulation's logits on these weights equal the simulator's.
     */
    public static WeightDraw deploymentDraw(DeployedCore core, long seed, int index, double seconds) {
        long streamSeed = CounterRandom.key(seed, index, Double.doubleToLongBits(seconds), 7);
        return (member, layer, ch) -> WeightSampler.sample(core.realisedProbabilities(layer), streamSeed, member, layer, ch);
    }

    static double argmaxAgreement(float[][] a, float[][] b, int classes) {
        long same = 0;
        long total = 0;
        for (int s = 0; s < a.length; s++) {
            for (int i = 0; i < a[s].length / classes; i++) {
                same += argmax(a[s], i * classes, classes) == argmax(b[s], i * classes, classes) ? 1 : 0;
                total++;
            }
        }
        return (double) same / total;
    }

    private static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }

    private static List<Double> all(Timings t) {
        return java.util.Arrays.stream(t.seconds()).boxed().toList();
    }

    private static void row(String name, Timings t, double speedup, double accuracy) {
        System.out.printf(Locale.ROOT, "%-22s %10.3f %9.3f-%-9.3f %9.2fx %9.4f%n", name, t.median(), t.min(), t.max(),
                speedup, accuracy);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux: leave unknown
        }
        return "unknown";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
