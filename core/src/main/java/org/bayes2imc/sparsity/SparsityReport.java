package org.bayes2imc.sparsity;

import java.util.List;

/**
 * results.json {@code sparsity} (docs/RESULTS.md): the probabilistic synapses of a model per layer and row, the
 * chosen first ensembling layer L*, and the sampled parameters and ensemble MACs without sparsity, with layer sparsity
 * (LS) and with layer and row sparsity (LS+RS) (docs/MODEL.md §8).
 */
public record SparsityReport(double epsilon, double lambdaThreshold, int firstEnsemblingLayer,
                             String firstEnsemblingLayerName, String firstEnsemblingLayerChoice,
                             String firstEnsemblingLayerRule, double ensembleFraction,
                             double ensembledProbabilisticShare, String granularity, int arraySize,
                             int devicesPerSynapse, long synapses, long probabilistic, double probabilisticFraction,
                             List<Layer> layers, PHistogram pHistogram, SampledParameters sampledParameters,
                             String sampledParametersUnit, Reductions reductions, Macs ensembleMacsPerImage) {

    /** One layer's probabilistic synapses, rows and row segments on the crossbar arrays. */
    public record Layer(int layer, String name, boolean ensembled, long synapses, long probabilistic, double fraction,
                        int rows, int rowsWithProbabilistic, double rowFraction, int columnBlocks, long rowSegments,
                        long rowSegmentsWithProbabilistic, double rowSegmentFraction, double stochasticRowFraction,
                        long synapsesInStochasticRows, long synapsesInStochasticRowSegments, PHistogram pHistogram) {
    }

    /** Counts of p = sigmoid(2λ) in equal bins over [0, 1], with their edges. */
    public record PHistogram(double[] edges, long[] counts) {
        public static PHistogram of(long[] counts) {
            double[] edges = new double[counts.length + 1];
            for (int i = 0; i <= counts.length; i++) {
                edges[i] = (double) i / counts.length;
            }
            return new PHistogram(edges, counts);
        }
    }

    /** Sampled-parameter reductions: none ÷ LS, none ÷ LS+RS and LS ÷ LS+RS. */
    public record Reductions(double ls, double lsRs, double rsOverLs) {
    }

    /** Ensemble MACs per image for S members without sparsity, with LS and with LS+RS, and the ratios. */
    public record Macs(int samples, long none, long ls, long lsRs, double fullOverLs, double fullOverLsRs) {
    }
}
