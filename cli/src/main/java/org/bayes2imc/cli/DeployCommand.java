package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.device.Durations;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.device.SynapseEncoding;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.study.DeploymentStudy;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyResult;
import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.correct.NoLogitCorrection;
import org.bayes2imc.study.SpreadDecomposition;
import org.bayes2imc.imc.DeploySettings;
import org.bayes2imc.metrics.Metric;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bayes2imc.imc.DeployReport;
import org.bayes2imc.imc.SamplerDesign;
import org.bayes2imc.imc.ReadNoiseMode;
import org.bayes2imc.config.ExperimentConfig;
import org.bayes2imc.imc.CoreSamplingSemantics;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bayes2imc deploy}: K deployments of a BBNN on the simulated PCM (or SRAM) core against the software ensemble. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Program a trained BBNN onto simulated crossbars K times (each with its own programming noise "
                + "and drift), sample S ensemble members through the sense amplifiers at time T, and compare every "
                + "metric with the software ensemble (mean, std, min, max across deployments).")
public final class DeployCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (.safetensors)")
    Path model;
    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "test dataset (default: ${DEFAULT-VALUE})")
    String dataset;
    @picocli.CommandLine.Mixin
    LimitOption limit;
    @Option(names = "--ood", description = "out-of-distribution dataset, e.g. digits")
    String ood;
    @Option(names = "--data-dir", description = "data cache directory (default: $BAYES2IMC_DATA_DIR or ~/.cache/bayes2imc/data)")
    Path dataDir;
    @picocli.CommandLine.Mixin
    DeploymentOptions deployment;
    /** --samples and --deployments as resolved (file, then options), for the memory check. */
    int samples;
    int deployments;
    @Option(names = "--correction", defaultValue = "none", description = "logit correction: none | affine | read-back (default: ${DEFAULT-VALUE})")
    String correction;
    @Option(names = "--calibration-images", defaultValue = "1000",
            description = "unlabelled training images (never test images) for activation ranges and logit correction (default: ${DEFAULT-VALUE})")
    int calibrationImages;
    @Option(names = "--no-floor", description = "skip the Monte-Carlo floor run (the same K with programming noise and "
            + "drift off, other random streams) that splits the spread across deployments into floor and deployment-induced parts")
    boolean noFloor;
    @Option(names = "--out", defaultValue = "out/deploy", description = "output directory for results.json (default: ${DEFAULT-VALUE})")
    Path out;

    /**
     * Builds the options (experiment file, then the options given), validating every setting before any data is read;
     * resolves the logit correction and calibration images the same way (the file's {@code correction} group, else
     * this command's defaults).
     */
    DeployOptions options() {
        Checks.count("--calibration-images", calibrationImages, Integer.MAX_VALUE);
        limit.value();
        ExperimentConfig e = deployment.experiment();
        Given given = deployment.given();
        if (!given.test("--correction")) {
            correction = e.correction().methodOr(correction);
        }
        if (!given.test("--calibration-images")) {
            calibrationImages = e.correction().calibrationImagesOr(calibrationImages);
        }
        return e.deployOptions();
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DeployOptions o = options();
        samples = o.samples();
        deployments = o.deployments();
        LogitCorrection logitCorrection = LogitCorrections.byName(correction);
        OutputDir.claim("--out", out);
        BbnnModel m = ModelFile.read(model);
        Path dir = dataDir != null ? dataDir : Datasets.defaultDataDir();
        Dataset test = Datasets.load(dataset, "test", dir, limit.max());
        ModelInputs.checkShape(m, test);
        if (test.classes() != m.architecture().classes()) {
            throw new IllegalArgumentException("dataset " + test.name() + " has " + test.classes()
                    + " classes but the model has " + m.architecture().classes());
        }
        Dataset oodSet = ood == null ? null : Datasets.load(ood, "test", dir, limit.max());
        if (oodSet != null) {
            ModelInputs.checkShape(m, oodSet);
        }
        boolean correct = !(logitCorrection instanceof NoLogitCorrection);
        long images = (long) test.size() + (oodSet == null ? 0 : oodSet.size());
        // member logits: the software ensemble's and one deployment's
        Checks.memory("--samples " + samples + " × " + images + " images",
                4.0 * samples * images * m.architecture().classes() * 2);
        Dataset calibration = Datasets.load(dataset, "train", dir, calibrationImages);
        StudyResult study = Study.builder().setModel(m).setTest(test).optOod(oodSet).setCalibration(calibration)
                .addConfiguration(o).optCorrection(logitCorrection).optFloor(noFloor ? 0 : o.deployments())
                .build().run(ConsoleProgress.INSTANCE);
        DeployReport r = study.deployReport();
        print(r);
        DeploymentStudy.Result corrected = null;
        if (correct) {
            corrected = DeploymentStudy.Result.of(study.only(), r.software());
            Spread raw = DeploymentSummary.spread(corrected.raw(), Metric.ACCURACY);
            Spread fixed = DeploymentSummary.spread(corrected.corrected(), Metric.ACCURACY);
            Spread rawEce = DeploymentSummary.spread(corrected.raw(), Metric.ECE);
            Spread fixedEce = DeploymentSummary.spread(corrected.corrected(), Metric.ECE);
            Spread rawCal = DeploymentSummary.spread(corrected.raw(), Metric.ECE_CALIBRATED);
            Spread fixedCal = DeploymentSummary.spread(corrected.corrected(), Metric.ECE_CALIBRATED);
            System.out.printf(Locale.ROOT, "logit correction %s on %d calibration images: accuracy %.4f ± %.4f -> %.4f ± %.4f, "
                            + "ECE calibrated %.4f -> %.4f (raw %.4f -> %.4f)%n",
                    logitCorrection.name(), calibration.size(), raw.mean(), raw.std(), fixed.mean(), fixed.std(),
                    rawCal.mean(), fixedCal.mean(), rawEce.mean(), fixedEce.mean());
        }
        SpreadDecomposition spread = null;
        if (study.only().floorRaw() != null) {
            spread = study.only().spreadDecomposition();
            printSpread(spread);
        }
        DeploySettings settings = r.settings().withInputs(model.toString(), dataset, limit.value(), test.size(), ood,
                "first " + Math.min(256, calibration.size()) + " training images (unlabelled)", logitCorrection.name(),
                calibration.size());
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("software_seconds", r.softwareSeconds());
        steps.put("hardware_seconds", r.hardwareSeconds());
        DeployResults results = new DeployResults(1, "deploy", settings,
                new DeployResults.Software(r.software().metrics()), r.hardware(),
                corrected == null ? null : corrected.hardwareCorrected(), spread,
                new Timing((System.nanoTime() - start) / 1e9, steps));
        Path file = out.resolve("results.json");
        Json.write(file, results);
        System.out.println("wrote " + file);
        return 0;
    }

    private static void printSpread(SpreadDecomposition s) {
        System.out.printf(Locale.ROOT, "spread over K = %d: total / Monte-Carlo floor / deployment-induced (std)%n", s.deployments());
        for (Metric figure : SpreadDecomposition.FIGURES) {
            String k = figure.key();
            SpreadDecomposition.Part p = s.raw().get(k);
            SpreadDecomposition.Part c = s.corrected().get(k);
            System.out.printf(Locale.ROOT, "  %-16s raw %.4f / %.4f / %.4f%s%n", k, p.total(), p.floor(), p.deploymentInduced(),
                    c == null ? "" : String.format(Locale.ROOT, "   corrected %.4f / %.4f / %.4f", c.total(), c.floor(),
                            c.deploymentInduced()));
        }
    }

    private void print(DeployReport r) {
        System.out.printf(Locale.ROOT, "deploy: %d deployments x S=%d on %d images at t=%s, %s%n",
                r.deployments().size(), r.options().samples(), r.images(), Durations.label(r.options().seconds()),
                r.options().design() == SamplerDesign.SRAM ? "SRAM + LFSR (" + r.options().sramBits() + "-bit)"
                        : r.options().device().name() + ", compensation " + r.options().compensation().id()
                        + ", sparsity " + r.options().sparsity().label());
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s%n", "metric", "software", "hw mean", "hw std", "hw min", "hw max");
        for (Metric k : Metric.values()) {
            double s = k.of(r.software());
            var sp = r.spread(k);
            if (!Double.isFinite(s) && Double.isNaN(sp.mean())) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-22s %10.4f %10.4f %10.4f %10.4f %10.4f%n", k.key(),
                    Double.isFinite(s) ? s : Double.NaN, sp.mean(), sp.std(), sp.min(), sp.max());
        }
        System.out.printf(Locale.ROOT, "arrays %d; MACs/image shared %d, per member %d; hardware %.1f s (%.1f images/s)%n",
                r.arrays(), r.sharedMacsPerImage(), r.memberMacsPerImage(), r.hardwareSeconds(), r.imagesPerSecond());
    }
}
