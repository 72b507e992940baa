package org.bayes2imc.cli;

import org.bayes2imc.cli.demo.DemoResults;
import org.bayes2imc.cli.demo.DemoSettings;
import org.bayes2imc.cli.demo.DemoPlan;
import org.bayes2imc.cli.demo.DemoStep;
import org.bayes2imc.cli.demo.DriftStep;
import org.bayes2imc.cli.demo.HardwareSection;
import org.bayes2imc.cli.demo.HardwareStep;
import org.bayes2imc.cli.demo.SoftwareStep;
import org.bayes2imc.cli.demo.SparsityStep;
import org.bayes2imc.cli.demo.SystematicSection;
import org.bayes2imc.cli.demo.PpaStep;
import org.bayes2imc.hardware.PpaTables;
import org.bayes2imc.cli.demo.SystematicStep;

import org.bayes2imc.metrics.Metric;
import org.bayes2imc.metrics.Metrics;
import org.bayes2imc.study.DriftRow;
import org.bayes2imc.study.SharedWork;
import org.bayes2imc.study.SparsityComparison;
import org.bayes2imc.study.SpreadDecomposition;
import org.bayes2imc.cli.demo.StepCache;
import org.bayes2imc.cli.demo.TrainStep;
import org.bayes2imc.config.ConfigFile;
import org.bayes2imc.config.CorrectionConfig;
import org.bayes2imc.config.ExperimentConfig;
import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.data.DataFetcher;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.device.Durations;
import org.bayes2imc.hardware.SparsityProfile;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.imc.EngineConfig;
import org.bayes2imc.imc.SamplingConfig;
import org.bayes2imc.imc.StudyConfig;
import org.bayes2imc.infer.SoftwareEvaluation;
import org.bayes2imc.io.Json;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.bayes2imc.report.ReportBuilder;
import org.bayes2imc.sparsity.SparsityAnalysis;
import org.bayes2imc.sparsity.SparsityReport;
import org.bayes2imc.sparsity.SparsitySettings;
import org.bayes2imc.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The main job: Fashion-MNIST (digits as out-of-distribution) from data to report — train or reuse the cached
 * model, software evaluation, PCM deployments with and without logit correction, the drift sweep with and without
 * compensation, sampling sparsity, PPA, and the HTML report. Every finished step is stored, so an interrupted run
 * resumes from the last finished step.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole chain on the embedded default data (Fashion-MNIST, digits as OOD) and write "
                + "DIR/results.json and DIR/report.html. Rerunning resumes from the last finished step.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "out/demo", description = "results directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--data-dir", description = "data cache (default: $BAYES2IMC_DATA_DIR or ~/.cache/bayes2imc/data)")
    Path dataDir;

    @Option(names = "--model-dir", description = "model cache (default: $BAYES2IMC_MODEL_DIR or ~/.cache/bayes2imc/models)")
    Path modelDir;

    @Option(names = "--epochs", description = "training epochs (default: the tuned demo setting)")
    Integer epochs;

    @Option(names = "--train-limit", defaultValue = "0", description = "training images used (0 = all 60,000; smaller only for quick looks)")
    int trainLimit;

    @picocli.CommandLine.Mixin
    SamplesOption samplesOption;
    /** --samples, validated at the start of call(). */
    int samples;

    @picocli.CommandLine.Mixin
    DeploymentsOption deploymentsOption;
    /** --deployments, validated at the start of call(). */
    int deployments;

    @Option(names = "--test-limit", defaultValue = "0", description = "test images for software and hardware evaluation (0 = all 10,000)")
    int testLimit;

    @Option(names = "--hardware-limit", defaultValue = "0", description = "test images per hardware deployment (0 = all 10,000; default: ${DEFAULT-VALUE})")
    int hardwareLimit;

    @Option(names = "--hardware-ood-limit", defaultValue = "0", description = "digits images per hardware deployment (0 = all 1,797; default: ${DEFAULT-VALUE})")
    int hardwareOodLimit;

    @Option(names = "--sparsity-deployments", defaultValue = "3", description = "deployments in the ls / ls+rs comparison (paired with the first ones of the hardware study; default: ${DEFAULT-VALUE})")
    int sparsityDeployments;

    @Option(names = "--drift-sparsity", defaultValue = "ls+rs", description = "sparsity of the cores in the drift sweep: none | ls | ls+rs (default: ${DEFAULT-VALUE})")
    String driftSparsity;

    @Option(names = "--drift-deployments", defaultValue = "5", description = "programmings per compensation in the drift sweep (default: ${DEFAULT-VALUE}; `drift` sweeps more)")
    int driftDeployments;

    @Option(names = "--drift-ood-limit", defaultValue = "200", description = "digits images per point of the drift sweep (default: ${DEFAULT-VALUE})")
    int driftOodLimit;

    @Option(names = "--drift-limit", defaultValue = "500", description = "test images per point of the drift sweep (default: ${DEFAULT-VALUE})")
    int driftLimit;

    @Option(names = "--ood-limit", defaultValue = "0", description = "digits images used as OOD (0 = all 1,797)")
    int oodLimit;

    @Option(names = "--floor-deployments", defaultValue = "5",
            description = "deployments of each study's Monte-Carlo floor run (programming noise and drift off); fewer than "
                    + "--deployments keeps the demo's time, at a noisier floor (default: ${DEFAULT-VALUE})")
    int floorDeployments;
    @Option(names = "--systematic-images", defaultValue = "1000",
            description = "test images of the systematic-variation scenario (no drift compensation) (default: ${DEFAULT-VALUE})")
    int systematicImages;
    @Option(names = "--systematic-time", defaultValue = "1d",
            description = "read time of the systematic-variation scenario, no drift compensation, mapped for 20 s (default: ${DEFAULT-VALUE})")
    String systematicTime;
    @Option(names = "--drift-times", defaultValue = "20s,1h,1d,30d,1y,1e7s,10y", description = "times after programming (default: ${DEFAULT-VALUE})")
    String driftTimes;

    @Option(names = "--calibration-images", defaultValue = "300", description = "unlabelled training images for logit correction and activation ranges (default: ${DEFAULT-VALUE})")
    int calibrationImages;

    @Option(names = "--sweep-limit", defaultValue = "100",
            description = "test images per cell of the design-space mini-sweep (16 cells on embedded Spark; 0 = skip it) (default: ${DEFAULT-VALUE})")
    int sweepLimit;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random draw (default: ${DEFAULT-VALUE})")
    long seed;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--config", paramLabel = "FILE",
            description = "experiment file (YAML, or JSON by its suffix; docs/CONFIG.md) for the demo's studies: device, "
                    + "crossbar, mapping, compensation, sampling, engine, study and correction groups; options given on "
                    + "the command line override it")
    Path config;

    @Spec
    CommandSpec spec;

    Progress progress = ConsoleProgress.INSTANCE;

    // the sections written so far; results.json is rewritten from them after every step
    private DemoSettings settings;
    private SoftwareEvaluation.SoftwareResults software;
    private HardwareSection hardware;
    private SystematicSection systematic;
    private List<DriftRow> drift;
    private SparsityReport sparsity;
    private SparsityComparison sparsityDeploy;
    private PpaTables ppa;
    private Double totalSeconds;
    private double readSeconds;
    private final Map<String, Double> stepSeconds = new LinkedHashMap<>();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        // each option checked and named before the fetch, the training or any other step starts
        ExperimentConfig experiment = experiment();
        samples = experiment.sampling().samples();
        deployments = experiment.study().deployments();
        seed = experiment.study().seed();
        int nThreads = Checks.threads("--threads", experiment.engine().threads());
        calibrationImages = experiment.correction().calibrationImagesOr(calibrationImages);
        String correction = experiment.correction().methodOr(LogitCorrections.DEFAULT);
        Checks.count("--drift-deployments", driftDeployments, Checks.MAX_DEPLOYMENTS);
        Checks.count("--sparsity-deployments", sparsityDeployments, Checks.MAX_DEPLOYMENTS);
        Checks.count("--calibration-images", calibrationImages, Integer.MAX_VALUE);
        Checks.limit("--train-limit", trainLimit);
        Checks.limit("--test-limit", testLimit);
        Checks.limit("--hardware-limit", hardwareLimit);
        Checks.limit("--hardware-ood-limit", hardwareOodLimit);
        Checks.limit("--drift-limit", driftLimit);
        Checks.limit("--drift-ood-limit", driftOodLimit);
        Checks.limit("--ood-limit", oodLimit);
        Checks.limit("--sweep-limit", sweepLimit);
        double[] times = Checks.secondsList("--drift-times", driftTimes);
        Checks.limit("--systematic-images", systematicImages);
        Checks.range("--floor-deployments", floorDeployments, 2, Checks.MAX_DEPLOYMENTS); // a spread needs two
        double sysSeconds = Checks.seconds("--systematic-time", systematicTime);
        OutputDir.claim("--out", out);
        Path data = dataDir == null ? Datasets.defaultDataDir() : dataDir;
        Path models = modelDir == null ? TrainStep.defaultModelDir() : modelDir;

        step("fetch", () -> {
            DataFetcher f = new DataFetcher(data, System.err::println);
            f.fetch("fashion-mnist");
            f.fetch("digits");
        });
        Dataset train = Datasets.load("fashion-mnist", "train", data);
        Dataset test = limit(Datasets.load("fashion-mnist", "test", data), testLimit);
        Dataset ood = limit(Datasets.load("digits", "all", data), oodLimit);
        Dataset calibration = train.slice(0, Math.min(calibrationImages, train.size()));
        Dataset hwTest = limit(test, hardwareLimit);
        Dataset hwOod = limit(ood, hardwareOodLimit);
        Dataset driftTest = limit(test, driftLimit);
        Dataset driftOod = limit(ood, driftOodLimit);

        TrainConfig cfg = TrainConfig.defaults();
        if (epochs != null) {
            cfg = cfg.withEpochs(epochs);
        }
        if (trainLimit > 0) {
            cfg = new TrainConfig(cfg.architecture(), cfg.dataset(), cfg.epochs(), cfg.batchSize(), seed,
                    cfg.validationFraction(), trainLimit, cfg.calibrationSamples(), cfg.optimizer());
        }
        TrainConfig trainConfig = cfg;
        Path[] modelFile = new Path[1];
        step("train", () -> modelFile[0] = TrainStep.modelFor(trainConfig, train, models, progress, System.err::println));
        BbnnModel model = ModelFile.read(modelFile[0]);
        String modelKey = TrainStep.key(trainConfig);

        // the design time fixed at the read time, so the systematic and drift steps that read later keep this mapping
        DeployOptions base = experiment.deployOptions().withThreads(nThreads)
                .withMappingSeconds(experiment.study().resolvedDesignSeconds());
        readSeconds = base.seconds();
        DemoPlan plan = new DemoPlan(model, modelKey, test, ood, calibration, hwTest, hwOod, limit(test, systematicImages),
                sysSeconds, driftTest, driftOod, times, driftTimes, driftSparsity, driftDeployments, samples, deployments,
                floorDeployments, sparsityDeployments, seed, base, correction, beyondOwnOptions(experiment), progress,
                new SharedWork(model));
        settings = new DemoSettings(modelFile[0].toString(), modelKey, Json.tree(trainConfig), "fashion-mnist", "digits",
                test.size(), ood.size(), hwTest.size(), hwOod.size(), driftTest.size(), driftSparsity, driftDeployments,
                driftOod.size(), calibration.size(), "first images of the Fashion-MNIST training set (labels unused)",
                samples, deployments, base.device().name(), base.seconds(), correction, seed, nThreads);
        StepCache steps = new StepCache(out);

        software = run(steps, new SoftwareStep(plan));
        writeResults();

        hardware = run(steps, new HardwareStep(plan));
        if (hardware.hardware().softwareSameImages() == null) {
            // on the full sets the software step's ensemble is the one on the same images (not computed twice)
            hardware = new HardwareSection(hardware.evaluationSeconds(),
                    hardware.hardware().withSoftware(software.ensemble()), hardware.hardwareCorrected(),
                    hardware.spreadDecomposition());
        }
        writeResults();

        systematic = run(steps, new SystematicStep(plan));
        writeResults();

        drift = List.of(run(steps, new DriftStep(plan)));
        writeResults();

        SparsityAnalysis analysis = SparsityAnalysis.of(model, SparsitySettings.DEFAULTS.withSamples(samples));
        sparsity = analysis.report();
        sparsityDeploy = run(steps, new SparsityStep(plan, hardware.hardware().perDeployment(),
                hardware.evaluationSeconds()));
        writeResults();

        ppa = timed("ppa", () -> PpaStep.run(PpaStep.defaultCases("fmnist-small (demo model)",
                model.architecture(), SparsityProfile.fromAnalysis(analysis)), samples));
        if (sweepLimit > 0) {
            // the design-space mini-sweep: its rows in sweep/ (sweep.csv, sweep.parquet), its Pareto fronts in the
            // report (ReportBuilder finds the folder); results.json keeps only its step time
            java.util.List<org.bayes2imc.sweep.SweepRow> rows = timed("sweep", () -> org.bayes2imc.cli.demo.SweepStep.run(
                    modelFile[0], data, out.resolve(ReportBuilder.SWEEP_DIR), sweepLimit, Math.max(1, sweepLimit / 2),
                    seed, nThreads));
            System.err.printf(java.util.Locale.ROOT, "design-space sweep: %d cells (%d failed) in %s%n", rows.size(),
                    rows.stream().filter(r -> !r.ok()).count(), out.resolve(ReportBuilder.SWEEP_DIR).resolve("sweep.csv"));
        }
        totalSeconds = (System.nanoTime() - start) / 1e9;
        writeResults();
        Path report = ReportBuilder.build(out);
        printSummary(report);
        return 0;
    }

    /**
     * The demo's experiment: the file's groups (or the defaults) with the options typed on the command line on top
     * (without a file, every option, at its default where not typed); the correction method stays the demo's unless
     * the file names one.
     */
    private ExperimentConfig experiment() {
        ExperimentConfig file = config == null ? ExperimentConfig.defaults() : ConfigFile.load(config);
        Given given = config == null ? Given.ALL : spec.commandLine().getParseResult()::hasMatchedOption;
        ExperimentConfig.Builder b = file.toBuilder();
        if (given.test("--samples")) {
            b.optSampling(file.sampling().toBuilder().optSamples(samplesOption.value()).build());
        }
        StudyConfig.Builder study = file.study().toBuilder();
        if (given.test("--deployments")) {
            study.optDeployments(deploymentsOption.value());
        }
        if (given.test("--seed")) {
            study.optSeed(seed);
        }
        if (given.test("--threads")) {
            b.optEngine(file.engine().toBuilder().optThreads(threads.raw()).build());
        }
        if (given.test("--calibration-images")) {
            Checks.count("--calibration-images", calibrationImages, Integer.MAX_VALUE);
            b.optCorrection(file.correction().toBuilder().optCalibrationImages(calibrationImages).build());
        }
        return b.optStudy(study.build()).build();
    }

    /**
     * The experiment's settings beyond what the demo's own options set (samples, deployments, seed; threads and the
     * correction are keyed on their own or change no figure), for the step cache's key: null when there are none.
     */
    private static ExperimentConfig beyondOwnOptions(ExperimentConfig e) {
        ExperimentConfig own = ExperimentConfig.builder()
                .optSampling(SamplingConfig.builder().optSamples(e.sampling().samples()).build())
                .optStudy(StudyConfig.builder().optDeployments(e.study().deployments()).optSeed(e.study().seed()).build())
                .optEngine(e.engine()).optCorrection(e.correction()).build();
        return e.equals(own) ? null : e.toBuilder().optEngine(EngineConfig.defaults())
                .optCorrection(CorrectionConfig.defaults()).build();
    }

    private static Dataset limit(Dataset d, int n) {
        return n > 0 && n < d.size() ? d.slice(0, n) : d;
    }

    /** Runs one pipeline step through the cache, timed under its name. */
    private <T> T run(StepCache cache, DemoStep<T> step) {
        return timed(step.name(), () -> cache.run(step.name(), step.settings(), step.type(), step::run));
    }

    private void step(String name, Runnable r) {
        timed(name, () -> {
            r.run();
            return null;
        });
    }

    private <T> T timed(String name, Supplier<T> work) {
        long t0 = System.nanoTime();
        T v = work.get();
        stepSeconds.put(name + "_seconds", (System.nanoTime() - t0) / 1e9);
        return v;
    }

    private DemoResults results() {
        return new DemoResults(settings, DemoResults.SCHEMA_VERSION, "demo", software,
                hardware == null ? null : hardware.hardware(), hardware == null ? null : hardware.hardwareCorrected(),
                hardware == null ? null : hardware.spreadDecomposition(), systematic, drift, sparsity, sparsityDeploy,
                ppa, new Timing(totalSeconds, stepSeconds.isEmpty() ? null : stepSeconds));
    }

    private void writeResults() {
        Json.write(out.resolve(ReportBuilder.RESULTS_FILE), results());
    }

    private void printSummary(Path report) {
        System.out.println();
        System.out.println("Bayes2IMC demo: Fashion-MNIST, digits as OOD, S = " + samples + ", K = " + deployments + " deployments");
        // The chip applies the temperature digitally to its final logits: calibrated ECE/NLL first, raw beside.
        System.out.printf(Locale.ROOT, "%-34s %9s %8s %8s %8s %8s %10s%n", "", "accuracy", "ECE cal", "NLL cal",
                "ECE raw", "NLL raw", "OOD AUROC");
        row("software mode network", software.mode());
        row("software ensemble", software.ensemble());
        row("hardware, " + Durations.label(readSeconds) + " (mean over K)", hardware.hardware());
        row("hardware + logit correction", hardware.hardwareCorrected());
        row("sparsity none (mean over K)", sparsityDeploy.none());
        row("sparsity ls (mean over K)", sparsityDeploy.ls());
        row("sparsity ls_rs (mean over K)", sparsityDeploy.lsRs());
        System.out.printf(Locale.ROOT, "probabilistic synapses (eps = 0.01): %.2f %%%n",
                100 * software.posterior().probabilisticFraction());
        System.out.println("drift (mean over K): accuracy, ECE calibrated, ECE raw");
        for (DriftRow r : drift) {
            System.out.printf(Locale.ROOT, "  %-8s %-24s %7.2f %% %8.4f %8.4f%n", Durations.label(r.timeSeconds()),
                    r.compensation(), 100 * r.accuracyMean(), r.eceCalibratedMean(), r.eceMean());
        }
        spreadLine(Durations.label(readSeconds) + ",", hardware.spreadDecomposition());
        spreadLine(Durations.label(systematic.timeSeconds()) + ", no compensation,", systematic.spreadDecomposition());
        System.out.printf(Locale.ROOT, "total %.0f s; results %s%n", totalSeconds,
                out.resolve(ReportBuilder.RESULTS_FILE).toAbsolutePath());
        System.out.println("report: " + report.toAbsolutePath());
    }

    private static void spreadLine(String label, SpreadDecomposition d) {
        SpreadDecomposition.Part raw = d.raw().get(Metric.ACCURACY.key());
        SpreadDecomposition.Part cor = d.corrected().get(Metric.ACCURACY.key());
        if (raw == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s accuracy spread (pp) total/floor/deployment-induced: raw %.3f/%.3f/%.3f, "
                        + "corrected %.3f/%.3f/%.3f%n", label, 100 * raw.total(), 100 * raw.floor(),
                100 * raw.deploymentInduced(), cor == null ? Double.NaN : 100 * cor.total(),
                cor == null ? Double.NaN : 100 * cor.floor(), cor == null ? Double.NaN : 100 * cor.deploymentInduced());
    }

    private static void row(String name, Metrics m) {
        row(name, m.accuracy(), m.eceCalibrated(), m.nllCalibrated(), m.ece(), m.nll(), m.oodAurocEntropy());
    }

    private static void row(String name, DeploymentSummary m) {
        row(name, m.accuracy().mean(), m.eceCalibrated().mean(), m.nllCalibrated().mean(), m.ece().mean(),
                m.nll().mean(), m.oodAurocEntropy().mean());
    }

    private static void row(String name, SparsityComparison.ModeFigures m) {
        row(name, m.accuracy().mean(), m.eceCalibrated().mean(), m.nllCalibrated().mean(), m.ece().mean(),
                m.nll().mean(), m.oodAurocEntropy().mean());
    }

    private static void row(String name, double accuracy, double eceCalibrated, double nllCalibrated, double ece,
                            double nll, double oodAuroc) {
        System.out.printf(Locale.ROOT, "%-34s %8.2f%% %8.4f %8.4f %8.4f %8.4f %10.4f%n", name, 100 * accuracy,
                eceCalibrated, nllCalibrated, ece, nll, oodAuroc);
    }
}
