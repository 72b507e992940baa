package org.bayes2imc.hardware;

import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;
import org.bayes2imc.sparsity.SparsityAnalysis;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.sparsity.SparsitySettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sampling-sparsity statistics the PPA model needs (docs/MODEL.md §8): which sparsity is exploited, the first ensembling
 * layer L* (0-based; layers before it run once under LS and LS+RS), and per layer the fraction of crossbar rows
 * (fan-in rows) in the stochastic plane (SP), used under LS+RS only.
 */
public record SparsityProfile(SparsityMode mode, int firstEnsemblingLayer, List<Double> spRowFraction) {

    public SparsityProfile {
        spRowFraction = List.copyOf(spRowFraction);
        if (firstEnsemblingLayer < 0) {
            throw new IllegalArgumentException("first ensembling layer must be >= 0, got " + firstEnsemblingLayer);
        }
        for (int i = 0; i < spRowFraction.size(); i++) {
            double f = spRowFraction.get(i);
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("SP row fraction of layer " + i + " must be in [0, 1], got " + f);
            }
        }
    }

    /** Every layer sampled S times (the non-sparsity-aware design). */
    public static SparsityProfile none(Architecture a) {
        return new SparsityProfile(SparsityMode.NONE, 0, Collections.nCopies(a.depth(), 1.0));
    }

    /** Layer sparsity: layers before {@code firstEnsemblingLayer} run once, the rest S times (all rows). */
    public static SparsityProfile layerSparsity(Architecture a, int firstEnsemblingLayer) {
        checkLayer(a, firstEnsemblingLayer);
        return new SparsityProfile(SparsityMode.LS, firstEnsemblingLayer, Collections.nCopies(a.depth(), 1.0));
    }

    /**
     * Layer + row sparsity from per-layer SP-row fractions (one per layer; entries before the first ensembling layer
     * are ignored). This is the constructor the sparsity module fills from a model.
     */
    public static SparsityProfile rowSparsity(int firstEnsemblingLayer, double[] spRowFractionPerLayer) {
        List<Double> f = new ArrayList<>();
        for (double v : spRowFractionPerLayer) {
            f.add(v);
        }
        return new SparsityProfile(SparsityMode.LS_RS, firstEnsemblingLayer, f);
    }

    /** A profile with one SP-row fraction for every ensembled layer (CLI without a model). */
    public static SparsityProfile of(SparsityMode mode, Architecture a, int firstEnsemblingLayer, double spRowFraction) {
        return switch (mode) {
            case NONE -> none(a);
            case LS -> layerSparsity(a, firstEnsemblingLayer);
            case LS_RS -> {
                checkLayer(a, firstEnsemblingLayer);
                double[] f = new double[a.depth()];
                java.util.Arrays.fill(f, spRowFraction);
                yield rowSparsity(firstEnsemblingLayer, f);
            }
        };
    }

    /** The source's choice of L*: the first fully connected layer (layer 7 of VGGBinaryConnect, 1-based). */
    public static int defaultFirstEnsemblingLayer(Architecture a) {
        for (LayerSpec l : a.layers()) {
            if (l.kind() == LayerKind.FC) {
                return l.index();
            }
        }
        return 0;
    }

    /**
     * SP-row fractions read from a model's λ with whole-layer-row granularity (docs/MODEL.md §8), as the sparsity analysis
     * counts them: a fan-in row is stochastic when any of its synapses has ε ≤ p ≤ 1 − ε.
     */
    public static SparsityProfile fromModel(BbnnModel model, double epsilon, int firstEnsemblingLayer) {
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must be in (0, 0.5), got " + epsilon);
        }
        checkLayer(model.architecture(), firstEnsemblingLayer);
        SparsityAnalysis analysis = SparsityAnalysis.of(model, SparsitySettings.DEFAULTS.withEpsilon(epsilon)
                .withFirstEnsemblingLayer(firstEnsemblingLayer));
        return rowSparsity(firstEnsemblingLayer, analysis.stochasticRowFraction());
    }

    /** LS+RS profile from a finished sparsity analysis (its L* and per-layer SP-row fractions). */
    public static SparsityProfile fromAnalysis(SparsityAnalysis analysis) {
        return rowSparsity(analysis.firstEnsemblingLayer(), analysis.stochasticRowFraction());
    }

    private static void checkLayer(Architecture a, int layer) {
        if (layer < 0 || layer >= a.depth()) {
            throw new IllegalArgumentException("first ensembling layer must be in [0, " + (a.depth() - 1) + "] for "
                    + a.name() + ", got " + layer);
        }
    }

    /** Checks the profile fits the network. */
    public void validate(Architecture a) {
        checkLayer(a, firstEnsemblingLayer);
        if (spRowFraction.size() != a.depth()) {
            throw new IllegalArgumentException("sparsity profile has " + spRowFraction.size() + " SP-row fractions for "
                    + a.depth() + " layers of " + a.name());
        }
    }

    /** Whether the layer is sampled per member (false: it runs once, deterministically). */
    public boolean ensembled(int layer) {
        return mode == SparsityMode.NONE || layer >= firstEnsemblingLayer;
    }

    /** Whether the layer is split into a deterministic plane (run once per distinct input) and a stochastic plane. */
    public boolean rowSplit(int layer) {
        return mode == SparsityMode.LS_RS && ensembled(layer);
    }
}
