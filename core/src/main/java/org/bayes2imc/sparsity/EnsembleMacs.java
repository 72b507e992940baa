package org.bayes2imc.sparsity;

/**
 * Multiply-accumulates per image for an S-member ensemble (the consistency check of docs/MODEL.md §8): deterministic work
 * is done once per image, stochastic work S times. none = S·all; ls = (layers before L*) + S·(layers L*..end);
 * ls_rs = (layers before L*) + (DP of layers L*..end) + S·(SP of layers L*..end).
 */
public record EnsembleMacs(int samples, long none, long ls, long lsRs) {
    /** none / ls: the energy ratio when energy ∝ MACs. */
    public double fullOverLs() {
        return ls == 0 ? 0.0 : (double) none / ls;
    }

    /** none / ls_rs. */
    public double fullOverLsRs() {
        return lsRs == 0 ? 0.0 : (double) none / lsRs;
    }
}
