package org.bayes2imc.cli;

import org.bayes2imc.sparsity.SparsityReport;

/** The sparsity command's results.json (docs/RESULTS.md, "sparsity"): its settings and the sparsity analysis. */
public record SparsityResults(int schemaVersion, String command, Settings settings, SparsityReport sparsity,
                              Timing timing) {

    /** The settings of the analysis; {@code firstEnsemblingLayer} is a layer index or {@code "automatic"}. */
    public record Settings(String model, String network, String widths, double epsilon, Object firstEnsemblingLayer,
                           double ensembleFraction, String granularity, int arraySize, int devicesPerSynapse,
                           int samples, String out) {
    }
}
