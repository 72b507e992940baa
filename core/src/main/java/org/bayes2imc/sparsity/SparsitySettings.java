package org.bayes2imc.sparsity;

import org.bayes2imc.model.CrossbarTiling;

/**
 * The settings of a sampling-sparsity analysis (docs/MODEL.md §8).
 *
 * @param epsilon              probabilistic iff ε ≤ p ≤ 1 − ε; default 0.01 (|λ| ≤ 2.30)
 * @param arraySize            crossbar arrays of arraySize × arraySize cells (power of two); default 128
 * @param devicesPerSynapse    adjacent columns per synapse (1, or 2 for a differential pair); default 1
 * @param granularity          row-sparsity unit; default {@link RowGranularity#WHOLE_ROW}
 * @param ensembleFraction     for the automatic first ensembling layer L*: the share of all probabilistic synapses
 *                             that layers L*..end must hold, in (0, 1]; default 0.9
 * @param firstEnsemblingLayer a forced L* (layer index, 0-based), or {@link #AUTOMATIC} (−1, the default)
 * @param samples              ensemble members S used for the MAC counts; default 10 (the source's S)
 */
public record SparsitySettings(double epsilon, int arraySize, int devicesPerSynapse, RowGranularity granularity,
                               double ensembleFraction, int firstEnsemblingLayer, int samples) {
    public static final int AUTOMATIC = -1;
    public static final double DEFAULT_ENSEMBLE_FRACTION = 0.9;
    public static final int DEFAULT_SAMPLES = 10;
    public static final SparsitySettings DEFAULTS = new SparsitySettings(SynapseClassifier.DEFAULT_EPSILON,
            CrossbarTiling.DEFAULT_ARRAY_SIZE, 1, RowGranularity.WHOLE_ROW, DEFAULT_ENSEMBLE_FRACTION, AUTOMATIC,
            DEFAULT_SAMPLES);

    public SparsitySettings {
        if (!(epsilon > 0.0 && epsilon <= 0.5)) {
            throw new org.bayes2imc.io.InvalidSetting("epsilon", "must be in (0, 0.5], got " + epsilon);
        }
        if (arraySize <= 0 || Integer.bitCount(arraySize) != 1) {
            throw new org.bayes2imc.io.InvalidSetting("array_size", "must be a positive power of two, got " + arraySize);
        }
        if (devicesPerSynapse < 1 || devicesPerSynapse > arraySize) {
            throw new org.bayes2imc.io.InvalidSetting("devices_per_synapse", "must be in [1, array size], got " + devicesPerSynapse);
        }
        if (granularity == null) {
            throw new IllegalArgumentException("granularity must be given");
        }
        if (!(ensembleFraction > 0.0 && ensembleFraction <= 1.0)) {
            throw new org.bayes2imc.io.InvalidSetting("ensemble_fraction", "must be in (0, 1], got " + ensembleFraction);
        }
        if (firstEnsemblingLayer < AUTOMATIC) {
            throw new org.bayes2imc.io.InvalidSetting("first_ensembling_layer", "must be ≥ 0, got " + firstEnsemblingLayer);
        }
        if (samples < 1) {
            throw new org.bayes2imc.io.InvalidSetting("samples", "must be ≥ 1, got " + samples);
        }
    }

    public SparsitySettings withEpsilon(double e) {
        return new SparsitySettings(e, arraySize, devicesPerSynapse, granularity, ensembleFraction, firstEnsemblingLayer, samples);
    }

    public SparsitySettings withArraySize(int n) {
        return new SparsitySettings(epsilon, n, devicesPerSynapse, granularity, ensembleFraction, firstEnsemblingLayer, samples);
    }

    public SparsitySettings withGranularity(RowGranularity g) {
        return new SparsitySettings(epsilon, arraySize, devicesPerSynapse, g, ensembleFraction, firstEnsemblingLayer, samples);
    }

    public SparsitySettings withEnsembleFraction(double f) {
        return new SparsitySettings(epsilon, arraySize, devicesPerSynapse, granularity, f, firstEnsemblingLayer, samples);
    }

    public SparsitySettings withFirstEnsemblingLayer(int l) {
        return new SparsitySettings(epsilon, arraySize, devicesPerSynapse, granularity, ensembleFraction, l, samples);
    }

    public SparsitySettings withSamples(int s) {
        return new SparsitySettings(epsilon, arraySize, devicesPerSynapse, granularity, ensembleFraction, firstEnsemblingLayer, s);
    }

    public SparsitySettings withDevicesPerSynapse(int d) {
        return new SparsitySettings(epsilon, arraySize, d, granularity, ensembleFraction, firstEnsemblingLayer, samples);
    }

    public SynapseClassifier classifier() {
        return SynapseClassifier.ofEpsilon(epsilon);
    }

    public boolean automaticFirstEnsemblingLayer() {
        return firstEnsemblingLayer == AUTOMATIC;
    }
}
