package org.bayes2imc.sparsity;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The sampling sparsity of a trained BBNN (docs/MODEL.md §8, second source document): per layer how many synapses are
 * probabilistic and on how many crossbar rows/row segments they sit, the first ensembling layer L*, and the
 * sampled parameters under no sparsity, layer sparsity (LS) and layer plus row sparsity (LS+RS).
 *
 * <p><b>Automatic L*</b>: with P_l the probabilistic synapses of layer l and P = Σ P_l, L* is the <em>largest</em>
 * layer index l such that P_l + … + P_last ≥ f·P, f = {@link SparsitySettings#ensembleFraction()} (default 0.9):
 * the latest start of the ensemble that still keeps at least f of the probabilistic synapses ensembled, i.e. the
 * layer at which the share of probabilistic synapses, accumulated from the output backwards, first reaches f.
 * With no probabilistic synapse at all (P = 0) every suffix qualifies and L* is the last layer. A forced L*
 * ({@link SparsitySettings#firstEnsemblingLayer()}) must be a layer index.
 */
public final class SparsityAnalysis {
    private final Architecture architecture;
    private final SparsitySettings settings;
    private final List<LayerSparsity> layers;
    private final int firstEnsemblingLayer;

    private SparsityAnalysis(Architecture architecture, SparsitySettings settings, List<LayerSparsity> layers,
                             int firstEnsemblingLayer) {
        this.architecture = architecture;
        this.settings = settings;
        this.layers = List.copyOf(layers);
        this.firstEnsemblingLayer = firstEnsemblingLayer;
    }

    /** Measures every layer of the model (one pass over λ; VGGBinaryConnect's 14 M synapses take well under 1 s). */
    public static SparsityAnalysis of(BbnnModel model, SparsitySettings settings) {
        Architecture a = model.architecture();
        SynapseClassifier classifier = settings.classifier();
        List<LayerSparsity> layers = new ArrayList<>();
        long[] perLayer = new long[a.depth()];
        for (int i = 0; i < a.depth(); i++) {
            LayerSparsity s = LayerSparsity.measure(tiling(a.layer(i), settings), model.lambda(i), classifier);
            layers.add(s);
            perLayer[i] = s.probabilistic();
        }
        return new SparsityAnalysis(a, settings, layers, firstEnsemblingLayer(a, settings, perLayer));
    }

    /**
     * The same measurements under other ensembling settings (granularity, ensemble fraction, forced L*, samples)
     * without another pass over λ; ε, array size and devices per synapse must be unchanged.
     */
    public SparsityAnalysis withEnsembling(SparsitySettings other) {
        if (other.epsilon() != settings.epsilon() || other.arraySize() != settings.arraySize()
                || other.devicesPerSynapse() != settings.devicesPerSynapse()) {
            throw new IllegalArgumentException("ε, array size and devices per synapse need a new analysis of the model");
        }
        long[] perLayer = layers.stream().mapToLong(LayerSparsity::probabilistic).toArray();
        return new SparsityAnalysis(architecture, other, layers, firstEnsemblingLayer(architecture, other, perLayer));
    }

    /** The crossbar tiling of a layer under these settings. */
    public static CrossbarTiling tiling(LayerSpec layer, SparsitySettings settings) {
        return new CrossbarTiling(layer, settings.arraySize(), settings.arraySize(), settings.devicesPerSynapse());
    }

    private static int firstEnsemblingLayer(Architecture a, SparsitySettings settings, long[] perLayer) {
        if (settings.automaticFirstEnsemblingLayer()) {
            return chooseFirstEnsemblingLayer(perLayer, settings.ensembleFraction());
        }
        int lStar = settings.firstEnsemblingLayer();
        if (lStar >= a.depth()) {
            throw new org.bayes2imc.io.InvalidSetting("first_ensembling_layer", "must be in [0, " + (a.depth() - 1)
                    + "] for " + a.name() + ", got " + lStar);
        }
        return lStar;
    }

    /**
     * The largest index l with Σ_{k ≥ l} probabilistic[k] ≥ fraction · Σ_k probabilistic[k] (see the class
     * comment); the last layer when there are no probabilistic synapses.
     */
    public static int chooseFirstEnsemblingLayer(long[] probabilisticPerLayer, double fraction) {
        if (probabilisticPerLayer.length == 0) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new org.bayes2imc.io.InvalidSetting("ensemble_fraction", "must be in (0, 1], got " + fraction);
        }
        long total = 0;
        for (long p : probabilisticPerLayer) {
            total += p;
        }
        // fraction·total rounded in double may exceed the integer it denotes (0.9·100); allow that rounding.
        double needed = fraction * total * (1.0 - 1e-12);
        long suffix = 0;
        for (int l = probabilisticPerLayer.length - 1; l >= 0; l--) {
            suffix += probabilisticPerLayer[l];
            if (suffix >= needed) {
                return l;
            }
        }
        return 0; // unreachable: the full sum always reaches fraction·total ≤ total
    }

    /**
     * The DP/SP split of every layer of {@code model} (the model analysed) for a deployment under {@code mode},
     * using this analysis's L*, ε, granularity and array geometry (see {@link StochasticPlaneSplit#forMode}).
     */
    public List<StochasticPlaneSplit> splits(BbnnModel model, SparsityMode mode) {
        if (!model.architecture().equals(architecture)) {
            throw new IllegalArgumentException("model " + model.architecture().name() + " is not the analysed network "
                    + architecture.name());
        }
        SynapseClassifier classifier = settings.classifier();
        List<StochasticPlaneSplit> out = new ArrayList<>();
        for (int i = 0; i < architecture.depth(); i++) {
            out.add(StochasticPlaneSplit.forMode(model, i, mode, firstEnsemblingLayer, classifier,
                    settings.granularity(), tiling(architecture.layer(i), settings)));
        }
        return out;
    }

    public Architecture architecture() {
        return architecture;
    }

    public SparsitySettings settings() {
        return settings;
    }

    public List<LayerSparsity> layers() {
        return layers;
    }

    /** L* (0-based): layers from here to the end are ensembled (for the PPA model's sparsity profile). */
    public int firstEnsemblingLayer() {
        return firstEnsemblingLayer;
    }

    /**
     * Per layer, the fraction of its crossbar rows in the stochastic plane at the settings' granularity (rows or
     * row segments holding ≥ 1 probabilistic synapse). Reported for every layer regardless of L*; layers before
     * {@link #firstEnsemblingLayer()} are not sampled under LS/LS+RS (for the PPA model's sparsity profile).
     */
    public double[] stochasticRowFraction() {
        return layers.stream().mapToDouble(l -> l.stochasticRowFraction(settings.granularity())).toArray();
    }

    public long synapses() {
        return layers.stream().mapToLong(LayerSparsity::synapses).sum();
    }

    public long probabilistic() {
        return layers.stream().mapToLong(LayerSparsity::probabilistic).sum();
    }

    /** Share of all probabilistic synapses that lie in layers L*..end (1 when there are none). */
    public double ensembledProbabilisticShare() {
        long total = probabilistic();
        long inside = 0;
        for (int i = firstEnsemblingLayer; i < layers.size(); i++) {
            inside += layers.get(i).probabilistic();
        }
        return total == 0 ? 1.0 : (double) inside / total;
    }

    /** The p histogram of the whole network (20 bins over [0, 1]). */
    public long[] pHistogram() {
        long[] h = new long[ProbabilisticMap.HISTOGRAM_BINS];
        for (LayerSparsity l : layers) {
            long[] lh = l.pHistogram();
            for (int i = 0; i < h.length; i++) {
                h[i] += lh[i];
            }
        }
        return h;
    }

    public SampledParameters sampledParameters() {
        long none = 0;
        long ls = 0;
        long lsRs = 0;
        for (LayerSparsity l : layers) {
            none += l.synapses();
            if (l.layer() >= firstEnsemblingLayer) {
                ls += l.synapses();
                lsRs += l.stochasticSynapses(settings.granularity());
            }
        }
        return new SampledParameters(none, ls, lsRs);
    }

    public EnsembleMacs ensembleMacs() {
        long s = settings.samples();
        long all = 0;
        long before = 0;
        long ensembled = 0;
        long dp = 0;
        long sp = 0;
        for (LayerSparsity l : layers) {
            long macs = l.macsPerImage();
            all += macs;
            if (l.layer() < firstEnsemblingLayer) {
                before += macs;
            } else {
                ensembled += macs;
                long spMacs = l.stochasticSynapses(settings.granularity()) * l.positions();
                sp += spMacs;
                dp += macs - spMacs;
            }
        }
        return new EnsembleMacs(settings.samples(), s * all, before + s * ensembled, before + dp + s * sp);
    }

    /** The {@code sparsity} section of results.json (docs/RESULTS.md), settings included. */
    /** The results.json {@code sparsity} record. */
    public SparsityReport report() {
        List<SparsityReport.Layer> rows = layers.stream().map(l -> new SparsityReport.Layer(l.layer(), l.name(),
                l.layer() >= firstEnsemblingLayer, l.synapses(), l.probabilistic(), l.fraction(), l.rows(),
                l.rowsWithProbabilistic(), l.rowFraction(), l.columnBlocks(), l.rowSegments(),
                l.rowSegmentsWithProbabilistic(), l.rowSegmentFraction(), l.stochasticRowFraction(settings.granularity()),
                l.synapsesInStochasticRows(), l.synapsesInStochasticSegments(),
                SparsityReport.PHistogram.of(l.pHistogram()))).toList();
        SampledParameters sp = sampledParameters();
        EnsembleMacs m = ensembleMacs();
        return new SparsityReport(settings.epsilon(), settings.classifier().lambdaThreshold(), firstEnsemblingLayer,
                layers.get(firstEnsemblingLayer).name(),
                settings.automaticFirstEnsemblingLayer() ? "automatic" : "forced",
                "largest layer l with probabilistic synapses of layers l..end >= "
                        + "ensemble_fraction x all probabilistic synapses",
                settings.ensembleFraction(), ensembledProbabilisticShare(), settings.granularity().label(),
                settings.arraySize(), settings.devicesPerSynapse(), synapses(), probabilistic(),
                LayerSparsity.ratio(probabilistic(), synapses()), rows, SparsityReport.PHistogram.of(pHistogram()), sp,
                SampledParameters.UNIT, new SparsityReport.Reductions(sp.lsReduction(), sp.lsRsReduction(),
                sp.rsReductionOverLs()), new SparsityReport.Macs(m.samples(), m.none(), m.ls(), m.lsRs(),
                m.fullOverLs(), m.fullOverLsRs()));
    }
}
