package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.study.DriftSweep;
import org.bayes2imc.study.DriftRow;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.device.Durations;
import org.bayes2imc.config.DeviceConfig;
import org.bayes2imc.config.ExperimentConfig;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.imc.CrossbarConfig;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.EngineConfig;
import org.bayes2imc.imc.SamplingConfig;
import org.bayes2imc.imc.StudyConfig;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Sweeps the time since programming (docs/MODEL.md §7): accuracy, ECE, NLL and OOD AUROC per time and drift compensation. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Program K deployments once and read them at every time, under each drift compensation; "
                + "prints mean ± std over deployments and writes DIR/results.json.")
public final class DriftCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (.safetensors)")
    Path model;
    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "test dataset (default: ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--limit", defaultValue = "2000", description = "first N test images, 0 = all (default: ${DEFAULT-VALUE})")
    int limit;
    @Option(names = "--ood", description = "out-of-distribution dataset, e.g. digits")
    String ood;
    @Option(names = "--ood-limit", defaultValue = "0", description = "first N OOD images, 0 = all (default: ${DEFAULT-VALUE})")
    int oodLimit;
    @Option(names = "--data-dir", description = "data cache directory (default: $BAYES2IMC_DATA_DIR or ~/.cache/bayes2imc/data)")
    Path dataDir;
    @Option(names = "--times", defaultValue = "20s,1h,1d,30d,1y,1e7s,10y", description = "times after programming (default: ${DEFAULT-VALUE})")
    String times;
    @picocli.CommandLine.Mixin
    DesignTimeOption designTime;
    @Option(names = "--compensations", defaultValue = "none,global,reference-cell",
            description = "drift compensations to compare (default: ${DEFAULT-VALUE})")
    String compensations;
    @Option(names = "--no-floor", description = "skip the Monte-Carlo floor sweep (the same K with programming noise and "
            + "drift off, other random streams) that splits each cell's spread into floor and deployment-induced parts")
    boolean noFloor;
    @Option(names = "--correction", defaultValue = "none",
            description = "also report every cell after logit correction: none | affine | read-back, fitted per deployment "
                    + "and time on the --calibration-images training images (default: ${DEFAULT-VALUE})")
    String correction;

    @Option(names = "--reference-devices", defaultValue = "64", description = "reference devices per layer (default: ${DEFAULT-VALUE})")
    int referenceDevices;
    @picocli.CommandLine.Mixin
    DeploymentsOption deploymentsOption;
    /** --deployments, validated at the start of call(). */
    int deployments;
    @picocli.CommandLine.Mixin
    DeviceOptions device;
    @picocli.CommandLine.Mixin
    CrossbarOptions crossbar;
    @picocli.CommandLine.Mixin
    MappingOptions mapping;
    @picocli.CommandLine.Mixin
    SamplingOptions sampling;
    @picocli.CommandLine.Mixin
    EngineOptions engine;
    @Option(names = "--calibration-images", defaultValue = "256", description = "training images fixing the activation ranges (default: ${DEFAULT-VALUE})")
    int calibrationImages;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", defaultValue = "out/drift", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        deployments = deploymentsOption.value();
        long start = System.nanoTime();
        // one check per option, each naming it (docs/RELIABILITY.md: refuse before any work)
        Checks.count("--reference-devices", referenceDevices, Checks.MAX_REFERENCE_DEVICES);
        Checks.count("--calibration-images", calibrationImages, Integer.MAX_VALUE);
        Checks.limit("--limit", limit);
        Checks.limit("--ood-limit", oodLimit);
        double[] seconds = Checks.secondsList("--times", times);
        double design = designTime.seconds(seconds[0]);
        List<DriftCompensation> comps = new ArrayList<>();
        for (String c : compensations.split(",")) {
            try {
                comps.add(DriftCompensation.parse(c.trim(), referenceDevices));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--compensations: " + e.getMessage());
            }
        }
        org.bayes2imc.correct.LogitCorrection corr = "none".equalsIgnoreCase(correction) ? null
                : org.bayes2imc.correct.LogitCorrections.byName(correction);
        // every group this sweep shares with deploy, from the same mixins; the times and compensations are its own
        DeployOptions base = ExperimentConfig.builder()
                .optDevice(device.apply(DeviceConfig.defaults(), Given.ALL))
                .optCrossbar(crossbar.apply(CrossbarConfig.defaults(), Given.ALL))
                .optMapping(mapping.apply(MappingConfig.defaults(), Given.ALL))
                .optSampling(sampling.apply(SamplingConfig.defaults(), Given.ALL))
                .optEngine(engine.apply(EngineConfig.defaults(), Given.ALL))
                .optStudy(StudyConfig.builder().optDeployments(deployments).optSeed(seed).optDesignSeconds(design).build())
                .build().deployOptions();
        OutputDir.claim("--out", out); // after every option is parsed, before any file is read
        BbnnModel m = ModelFile.read(model);
        Path dir = dataDir != null ? dataDir : Datasets.defaultDataDir();
        Dataset test = Datasets.load(dataset, "test", dir, limit == 0 ? Integer.MAX_VALUE : limit);
        ModelInputs.checkShape(m, test);
        Dataset oodSet = ood == null ? null : Datasets.load(ood, "test", dir, oodLimit == 0 ? Integer.MAX_VALUE : oodLimit);
        if (oodSet != null) {
            ModelInputs.checkShape(m, oodSet);
        }
        Dataset calibration = Datasets.load(dataset, "train", dir, calibrationImages);
        List<DriftSweep.Cell> cells = DriftSweep.run(m, base, comps, seconds, test, oodSet, calibration, corr, !noFloor,
                ConsoleProgress.INSTANCE);

        // The chip applies the model's temperature digitally to its final logits: calibrated figures first, raw beside.
        System.out.printf(Locale.ROOT, "%-8s %-24s %18s %16s %8s %16s %8s %10s %22s%n", "time", "compensation", "accuracy",
                "ECE calibrated", "NLL cal", "ECE raw", "NLL raw", "OOD AUROC", "acc floor/induced (pp)");
        for (DriftSweep.Cell c : cells) {
            DriftRow r = c.row();
            System.out.printf(Locale.ROOT, "%-8s %-24s %8.2f ± %5.2f %%  %6.4f ± %6.4f %8.4f  %6.4f ± %6.4f %8.4f %10.4f %10.2f/%.2f%n",
                    Durations.label(c.seconds()), c.compensation(), 100 * r.accuracyMean(), 100 * r.accuracyStd(),
                    r.eceCalibratedMean(), r.eceCalibratedStd(), r.nllCalibratedMean(), r.eceMean(), r.eceStd(),
                    r.nllMean(), r.oodAurocEntropyMean(), 100 * orNaN(r.accuracyFloor()), 100 * orNaN(r.accuracyInduced()));
        }
        DriftResults.Settings settings = new DriftResults.Settings(model.toString(), dataset, test.size(), ood,
                oodSet == null ? 0 : oodSet.size(), times, design, compensations, correction, !noFloor, referenceDevices,
                base.samples(), deployments, base.device().name(), sampling.sparsity, calibration.size(), seed, base.threads());
        List<DriftResults.PerDeployment> per = cells.stream().map(c -> new DriftResults.PerDeployment(c.seconds(),
                c.compensation(), c.perDeployment().stream().map(e -> e.accuracy()).toList())).toList();
        DriftResults results = new DriftResults(1, "drift", settings, DriftSweep.rows(cells), per,
                new Timing((System.nanoTime() - start) / 1e9, null));
        Path file = out.resolve("results.json");
        Json.write(file, results);
        System.out.println("wrote " + file);
        return 0;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
