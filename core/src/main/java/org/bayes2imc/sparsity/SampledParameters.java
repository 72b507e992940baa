package org.bayes2imc.sparsity;

/**
 * Sampled-parameter counts of the full ensemble (docs/MODEL.md §8) in the unit "synapses whose value is drawn for one
 * ensemble member" (each synapse counted once per network sample; an S-member ensemble draws S times these).
 *
 * @param none every synapse of every layer
 * @param ls   synapses of layers L*..end (layer sparsity)
 * @param lsRs synapses in stochastic rows (or row segments) of layers L*..end (layer plus row sparsity)
 */
public record SampledParameters(long none, long ls, long lsRs) {
    public static final String UNIT = "synapses sampled per ensemble member (each synapse counted once per network sample)";

    /** 1 − ls/none. */
    public double lsReduction() {
        return reduction(ls, none);
    }

    /** 1 − ls_rs/none. */
    public double lsRsReduction() {
        return reduction(lsRs, none);
    }

    /** 1 − ls_rs/ls: what row sparsity removes on top of layer sparsity (the source's "further up to 86 %"). */
    public double rsReductionOverLs() {
        return reduction(lsRs, ls);
    }

    private static double reduction(long a, long b) {
        return b == 0 ? 0.0 : 1.0 - (double) a / b;
    }
}
