package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.SoftwareSamplingSemantics;
import org.bayes2imc.infer.SoftwareEnsemble;
import org.bayes2imc.infer.SoftwareEvaluation;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.Evaluation;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.metrics.PosteriorReport;
import org.bayes2imc.metrics.PosteriorStats;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bayes2imc evaluate}: the ideal software mode network and S-member ensemble of a BBNN (docs/MODEL.md §2.5).
 * results.json: {@code command}, {@code settings} (model, architecture, widths, dataset, split, images, ood,
 * ood_images, limit, samples, seed, sampling, chunk_images, threads, kernel, calibration_temperature, data_dir),
 * {@code software.mode} and {@code software.ensemble} ({@link org.bayes2imc.metrics.Metrics}),
 * {@code software.posterior} ({@link PosteriorStats#report}), {@code timing} (mode_seconds, ensemble_seconds,
 * ensemble_images_per_second, total_seconds).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a BBNN in software: mode network and S-member ensemble (accuracy, NLL, Brier, ECE, "
                + "uncertainty, OOD detection), raw and at the model's calibration temperature, and its posterior.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file (safetensors)")
    Path model;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "in-distribution dataset (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "split of the dataset (default: ${DEFAULT-VALUE})")
    String split;

    @picocli.CommandLine.Mixin
    SamplesOption samplesOption;
    /** --samples, validated at the start of call(). */
    int samples;

    @Option(names = "--ood", description = "out-of-distribution dataset NAME[:SPLIT], e.g. digits (split: all)")
    String ood;

    @picocli.CommandLine.Mixin
    LimitOption limit;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the weight draws (default: ${DEFAULT-VALUE})")
    long seed;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--sampling", defaultValue = "PER_CHUNK",
            description = "weight draws: ${COMPLETION-CANDIDATES}, any case (default: ${DEFAULT-VALUE})")
    SoftwareSamplingSemantics sampling;

    @Option(names = "--chunk", defaultValue = "100", description = "images per weight draw under PER_CHUNK (default: ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--data-dir", description = "data cache directory (default: $BAYES2IMC_DATA_DIR or ~/.cache/bayes2imc/data)")
    Path dataDir;

    @Option(names = "--out", defaultValue = "out/evaluate", description = "output directory for results.json (default: ${DEFAULT-VALUE})")
    Path out;

    /** Progress sink; tests may replace it. */
    Progress progress = ConsoleProgress.INSTANCE;

    @Override
    public Integer call() {
        samples = samplesOption.value();
        long start = System.nanoTime();
        // every option is checked before the model or data are read and before any work starts
        Checks.count("--chunk", chunk, Integer.MAX_VALUE);
        int maxImages = limit.max();
        int threadCount = threads.resolve();
        OutputDir.claim("--out", out);
        var settings = new SoftwareEnsemble.Settings(samples, seed, sampling, chunk);
        Path dir = dataDir == null ? Datasets.defaultDataDir() : dataDir;
        BbnnModel m = ModelFile.read(model);
        Dataset in = Datasets.load(dataset, split, dir, maxImages);
        checkFits(m, in, "--dataset " + dataset);
        Dataset oodSet = null;
        if (ood != null) {
            int colon = ood.indexOf(':');
            String oodName = colon < 0 ? ood : ood.substring(0, colon);
            String oodSplit = colon < 0 ? "all" : ood.substring(colon + 1);
            try {
                oodSet = Datasets.load(oodName, oodSplit, dir, maxImages);
            } catch (InputException | IllegalArgumentException | java.io.UncheckedIOException e) {
                // an unknown name or split is a typo, not a missing fetch: the message says which (a missing file's
                // message already carries the `data fetch` command)
                throw new InputException("--ood " + ood + ": " + e.getMessage());
            }
            checkFits(m, oodSet, "--ood " + ood);
        }
        int classes = m.architecture().classes();
        // the S members' float logits of every image are kept for the ensemble metrics
        long allImages = (long) in.size() + (oodSet == null ? 0 : oodSet.size());
        Checks.memory("--samples " + samples + " × " + allImages + " images × " + classes + " classes",
                4.0 * samples * classes * allImages);
        double temperature = m.calibrationTemperature();

        SoftwareEvaluation.Result r = SoftwareEvaluation.run(m, in, oodSet, settings, named("evaluate " + dataset));
        EvaluationResult mode = r.mode();
        EvaluationResult ens = r.ensemble();
        PosteriorReport posterior = r.posterior();
        double modeSeconds = r.modeSeconds();
        double ensembleSeconds = r.ensembleSeconds();

        EvaluateResults.Settings written = new EvaluateResults.Settings(model.toString(), m.architecture().name(),
                m.architecture().widths(), dataset, split, in.size(), ood, oodSet == null ? 0 : oodSet.size(),
                limit.value() == 0 ? null : limit.value(), samples, seed, sampling.name().toLowerCase(Locale.ROOT), chunk,
                threadCount, org.bayes2imc.infer.LayerForward.kernelName(), temperature, dir.toString());
        long images = (long) in.size() + (oodSet == null ? 0 : oodSet.size());
        EvaluateResults results = new EvaluateResults("evaluate", written, r.results(), new EvaluateResults.Timing(
                modeSeconds, ensembleSeconds, images * samples / Math.max(ensembleSeconds, 1e-9),
                (System.nanoTime() - start) / 1e9));
        Path file = out.resolve("results.json");
        Json.write(file, results);

        PrintStream o = System.out;
        printTable(o, mode, ens, temperature, oodSet != null);
        o.println();
        printPosterior(o, posterior);
        o.printf(Locale.ROOT, "%n%d images (+%d OOD), S = %d, %s kernel, %d threads: ensemble %.1f s; wrote %s%n",
                in.size(), oodSet == null ? 0 : oodSet.size(), samples, org.bayes2imc.infer.LayerForward.kernelName(), threadCount,
                ensembleSeconds, file);
        return 0;
    }

    /** The progress sink with the task named for this command's stage. */
    private Progress named(String task) {
        return (ignored, total) -> progress.start(task, total);
    }

    private static void checkFits(BbnnModel m, Dataset d, String option) {
        try {
            ModelInputs.checkShape(m, d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
        if (!option.startsWith("--ood") && d.classes() != m.architecture().classes()) {
            throw new IllegalArgumentException(option + ": dataset has " + d.classes() + " classes, the model "
                    + m.architecture().classes());
        }
    }

    static void printTable(PrintStream o, EvaluationResult mode, EvaluationResult ens, double t, boolean withOod) {
        o.printf(Locale.ROOT, "%-26s %10s %10s%n", "metric", "mode", "ensemble");
        row(o, "accuracy", mode.accuracy(), ens.accuracy());
        row(o, "nll", mode.nll(), ens.nll());
        row(o, "brier", mode.brier(), ens.brier());
        row(o, "ece (15 bins)", mode.ece(), ens.ece());
        row(o, String.format(Locale.ROOT, "accuracy calibrated T=%.3g", t), mode.accuracyCalibrated(), ens.accuracyCalibrated());
        row(o, "nll calibrated", mode.nllCalibrated(), ens.nllCalibrated());
        row(o, "brier calibrated", mode.brierCalibrated(), ens.brierCalibrated());
        row(o, "ece calibrated", mode.eceCalibrated(), ens.eceCalibrated());
        row(o, "entropy mean (nats)", mode.entropyMean(), ens.entropyMean());
        row(o, "aleatoric mean", mode.aleatoricMean(), ens.aleatoricMean());
        row(o, "epistemic mean (MI)", mode.epistemicMean(), ens.epistemicMean());
        if (withOod) {
            row(o, "ood auroc (entropy)", mode.oodEntropy().auroc(), ens.oodEntropy().auroc());
            row(o, "ood aupr (entropy)", mode.oodEntropy().aupr(), ens.oodEntropy().aupr());
            row(o, "ood fpr@95 (entropy)", mode.oodEntropy().fpr95(), ens.oodEntropy().fpr95());
            row(o, "ood auroc (MI)", mode.oodMutualInformation().auroc(), ens.oodMutualInformation().auroc());
            row(o, "ood aupr (MI)", mode.oodMutualInformation().aupr(), ens.oodMutualInformation().aupr());
            row(o, "ood fpr@95 (MI)", mode.oodMutualInformation().fpr95(), ens.oodMutualInformation().fpr95());
        }
    }

    private static void row(PrintStream o, String name, double a, double b) {
        o.printf(Locale.ROOT, "%-26s %10.4f %10.4f%n", name, a, b);
    }

    static void printPosterior(PrintStream o, PosteriorReport posterior) {
        PosteriorReport.AtEpsilon fine = posterior.byEpsilon().get(Double.toString(PosteriorStats.REPORTED_EPSILONS[1]));
        o.printf(Locale.ROOT, "%-8s %12s %14s %15s%n", "layer", "synapses", "prob. ε=0.01", "prob. ε=0.001");
        for (int i = 0; i < posterior.layers().size(); i++) {
            PosteriorReport.LayerRow r = posterior.layers().get(i);
            o.printf(Locale.ROOT, "%-8s %12d %14.4f %15.4f%n", r.name(), r.synapses(), r.probabilisticFraction(),
                    fine.layers().get(i).probabilisticFraction());
        }
        o.printf(Locale.ROOT, "%-8s %12d %14.4f %15.4f%n", "all", posterior.synapses(),
                posterior.probabilisticFraction(), fine.probabilisticFraction());
    }
}
