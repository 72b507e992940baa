package org.bayes2imc.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.bayes2imc.sparsity.EnsembleMacs;
import org.bayes2imc.sparsity.LayerSparsity;
import org.bayes2imc.sparsity.RowGranularity;
import org.bayes2imc.sparsity.SampledParameters;
import org.bayes2imc.sparsity.SparsityAnalysis;
import org.bayes2imc.sparsity.SparsitySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bayes2imc sparsity}: the sampling-sparsity table of a trained model (docs/MODEL.md §8, issue 5). */
@Command(name = "sparsity", mixinStandardHelpOptions = true,
        description = {
                "Finds the probabilistic synapses of a trained BBNN (eps <= p <= 1 - eps, p = sigmoid(2*lambda)) and "
                        + "reports, per layer, their count, fraction and p histogram, the crossbar rows and row "
                        + "segments (row x column block of arrays) holding at least one, and the sampled parameters "
                        + "(synapses drawn per ensemble member) with no sparsity, layer sparsity (LS) and LS plus row "
                        + "sparsity (RS), with the reductions.",
                "First ensembling layer L* (automatic): the largest layer l such that layers l..end hold at least "
                        + "--ensemble-fraction of all probabilistic synapses (the last layer if there are none).",
                "Writes DIR/results.json (docs/RESULTS.md, section 'sparsity')."})
public final class SparsityCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Trained model (.safetensors).")
    Path model;

    @Option(names = "--epsilon", defaultValue = "0.01", paramLabel = "E",
            description = "Probabilistic iff E <= p <= 1 - E, in (0, 0.5) (default: ${DEFAULT-VALUE}, |lambda| <= 2.30).")
    double epsilon;

    @Option(names = "--first-ensembling-layer", paramLabel = "L",
            description = "Force L* (0-based layer index) instead of choosing it automatically.")
    Integer firstEnsemblingLayer;

    @Option(names = "--ensemble-fraction", defaultValue = "0.9", paramLabel = "F",
            description = "Automatic L*: share of probabilistic synapses that layers L*..end must hold, in (0, 1] "
                    + "(default: ${DEFAULT-VALUE}).")
    double ensembleFraction;

    @Option(names = "--granularity", defaultValue = "whole-row", paramLabel = "G",
            description = "Row-sparsity unit: whole-row or row-segment (default: ${DEFAULT-VALUE}).")
    String granularity;

    @Option(names = "--array-size", defaultValue = "128", paramLabel = "N",
            description = "Crossbar arrays of N x N cells, a power of two (default: ${DEFAULT-VALUE}).")
    int arraySize;

    @Option(names = {"--encoding", "--devices-per-synapse"}, defaultValue = "single", paramLabel = "E",
            description = "Synapse encoding, as in deploy: single (1 column per synapse) or differential (2 adjacent "
                    + "columns); --devices-per-synapse 1 | 2 says the same (default: ${DEFAULT-VALUE}).")
    String encoding;

    @picocli.CommandLine.Mixin
    SamplesOption samplesOption;
    /** --samples, validated at the start of call(). */
    int samples;

    @Option(names = "--out", defaultValue = "out/sparsity", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        samples = samplesOption.value();
        long start = System.nanoTime();
        if (firstEnsemblingLayer != null && firstEnsemblingLayer < 0) {
            throw new IllegalArgumentException("--first-ensembling-layer must be >= 0, got " + firstEnsemblingLayer);
        }
        Checks.epsilon("--epsilon", epsilon);
        Checks.arraySize("--array-size", arraySize);
        int devicesPerSynapse = org.bayes2imc.device.SynapseEncoding.parse(encoding)
                == org.bayes2imc.device.SynapseEncoding.DIFFERENTIAL_PAIR ? 2 : 1;
        if (!(ensembleFraction > 0 && ensembleFraction <= 1)) {
            throw new IllegalArgumentException("--ensemble-fraction must be in (0, 1], got " + ensembleFraction);
        }
        SparsitySettings settings = new SparsitySettings(epsilon, arraySize, devicesPerSynapse,
                RowGranularity.parse(granularity), ensembleFraction,
                firstEnsemblingLayer == null ? SparsitySettings.AUTOMATIC : firstEnsemblingLayer, samples);
        OutputDir.claim("--out", out); // after the options are parsed, before the model is read
        BbnnModel m = ModelFile.read(model);
        long loaded = System.nanoTime();
        SparsityAnalysis a = SparsityAnalysis.of(m, settings);
        long analysed = System.nanoTime();
        print(System.out, a);

        SparsityResults.Settings written = new SparsityResults.Settings(model.toString(), m.architecture().name(),
                m.architecture().widths(), settings.epsilon(),
                firstEnsemblingLayer == null ? "automatic" : (Object) firstEnsemblingLayer.intValue(),
                settings.ensembleFraction(), settings.granularity().label(), settings.arraySize(),
                settings.devicesPerSynapse(), settings.samples(), out.toString());
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("load_seconds", (loaded - start) / 1e9);
        steps.put("analysis_seconds", (analysed - loaded) / 1e9);
        SparsityResults results = new SparsityResults(1, "sparsity", written, a.report(),
                new Timing((System.nanoTime() - start) / 1e9, steps));
        Path file = out.resolve("results.json");
        Json.write(file, results);
        System.out.println("wrote " + file);
        return 0;
    }

    static void print(PrintStream o, SparsityAnalysis a) {
        SparsitySettings st = a.settings();
        o.printf(Locale.ROOT, "Sampling sparsity of %s (eps = %s, |lambda| <= %.4f; arrays %dx%d; granularity %s)%n",
                a.architecture().name(), st.epsilon(), st.classifier().lambdaThreshold(), st.arraySize(), st.arraySize(),
                st.granularity().label());
        o.printf(Locale.ROOT, "%-7s %12s %12s %9s %7s %8s %9s %9s %9s %9s %4s%n", "layer", "synapses", "probabilistic",
                "fraction", "rows", "rows_sp", "row_frac", "segments", "segs_sp", "seg_frac", "ens");
        for (LayerSparsity l : a.layers()) {
            o.printf(Locale.ROOT, "%-7s %12d %12d %9.6f %7d %8d %9.6f %9d %9d %9.6f %4s%n", l.name(), l.synapses(),
                    l.probabilistic(), l.fraction(), l.rows(), l.rowsWithProbabilistic(), l.rowFraction(),
                    l.rowSegments(), l.rowSegmentsWithProbabilistic(), l.rowSegmentFraction(),
                    l.layer() >= a.firstEnsemblingLayer() ? "yes" : "no");
        }
        o.printf(Locale.ROOT, "%-7s %12d %12d %9.6f%n", "total", a.synapses(), a.probabilistic(),
                a.synapses() == 0 ? 0.0 : (double) a.probabilistic() / a.synapses());
        o.printf(Locale.ROOT, "First ensembling layer L* = %d (%s, %s); it keeps %.2f %% of the probabilistic synapses ensembled%n",
                a.firstEnsemblingLayer(), a.layers().get(a.firstEnsemblingLayer()).name(),
                st.automaticFirstEnsemblingLayer() ? "automatic, fraction " + st.ensembleFraction() : "forced",
                100 * a.ensembledProbabilisticShare());
        SampledParameters sp = a.sampledParameters();
        EnsembleMacs m = a.ensembleMacs();
        o.println("Sampled parameters (" + SampledParameters.UNIT + ") and MACs per image for S = " + m.samples() + ":");
        o.printf(Locale.ROOT, "%-6s %14s %16s %16s %12s%n", "mode", "sampled", "reduction", "macs_per_image", "full/mode");
        o.printf(Locale.ROOT, "%-6s %14d %16s %16d %12.3f%n", "none", sp.none(), "-", m.none(), 1.0);
        o.printf(Locale.ROOT, "%-6s %14d %15.4f%% %16d %12.3f%n", "ls", sp.ls(), 100 * sp.lsReduction(), m.ls(), m.fullOverLs());
        o.printf(Locale.ROOT, "%-6s %14d %15.4f%% %16d %12.3f%n", "ls+rs", sp.lsRs(), 100 * sp.lsRsReduction(), m.lsRs(),
                m.fullOverLsRs());
        o.printf(Locale.ROOT, "Row sparsity removes %.2f %% of the LS sampled parameters.%n", 100 * sp.rsReductionOverLs());
    }
}
