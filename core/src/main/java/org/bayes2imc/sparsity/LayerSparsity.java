package org.bayes2imc.sparsity;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.model.LayerSpec;

import java.util.Arrays;

/**
 * The sampling-sparsity statistics of one layer (docs/MODEL.md §8): how many synapses are probabilistic, how they spread
 * over crossbar rows (whole layer rows: {@code fanIn} of them) and row segments (row × column block of arrays:
 * {@code fanIn × columnBlocks}), how many synapses lie in stochastic rows/segments, and the histogram of p.
 *
 * @param layer                          layer index, 0-based
 * @param name                           layer name (conv0, fc6, ...)
 * @param synapses                       weights of the layer (fanIn × outChannels)
 * @param probabilistic                  synapses with ε ≤ p ≤ 1 − ε
 * @param rows                           crossbar rows of the layer = fanIn (im2col rows for conv)
 * @param rowsWithProbabilistic          rows holding ≥ 1 probabilistic synapse
 * @param columnBlocks                   arrays side by side along the outputs
 * @param rowSegments                    rows × columnBlocks
 * @param rowSegmentsWithProbabilistic   row segments holding ≥ 1 probabilistic synapse
 * @param synapsesInStochasticRows       rowsWithProbabilistic × outChannels
 * @param synapsesInStochasticSegments   synapses inside the stochastic row segments
 * @param positions                      output positions per image (MACs per synapse per image)
 * @param pHistogram                     counts of p in 20 equal bins over [0, 1] (copy on access)
 */
public record LayerSparsity(int layer, String name, long synapses, long probabilistic, int rows,
                            int rowsWithProbabilistic, int columnBlocks, long rowSegments,
                            long rowSegmentsWithProbabilistic, long synapsesInStochasticRows,
                            long synapsesInStochasticSegments, int positions, long[] pHistogram) {

    public LayerSparsity {
        pHistogram = pHistogram.clone();
    }

    /** Measures one layer's λ (PyTorch layout) on arrays described by the tiling. */
    public static LayerSparsity measure(CrossbarTiling tiling, float[] lambda, SynapseClassifier classifier) {
        LayerSpec l = tiling.layer();
        ProbabilisticMap m = ProbabilisticMap.of(tiling, lambda, classifier, true);
        return new LayerSparsity(l.index(), l.name(), l.weightCount(), m.probabilistic, m.rows,
                m.rowsWithProbabilistic(), m.columnBlocks, (long) m.rows * m.columnBlocks,
                m.segmentsWithProbabilistic(), m.stochasticSynapses(RowGranularity.WHOLE_ROW),
                m.stochasticSynapses(RowGranularity.ROW_SEGMENT), l.positions(), m.pHistogram);
    }

    @Override
    public long[] pHistogram() {
        return pHistogram.clone();
    }

    /** probabilistic / synapses. */
    public double fraction() {
        return ratio(probabilistic, synapses);
    }

    public double rowFraction() {
        return ratio(rowsWithProbabilistic, rows);
    }

    public double rowSegmentFraction() {
        return ratio(rowSegmentsWithProbabilistic, rowSegments);
    }

    /** Fraction of the layer's crossbar rows (or row segments) in the stochastic plane at this granularity. */
    public double stochasticRowFraction(RowGranularity granularity) {
        return granularity == RowGranularity.WHOLE_ROW ? rowFraction() : rowSegmentFraction();
    }

    /** Synapses in the stochastic plane at this granularity (the layer's LS+RS sampled parameters if ensembled). */
    public long stochasticSynapses(RowGranularity granularity) {
        return granularity == RowGranularity.WHOLE_ROW ? synapsesInStochasticRows : synapsesInStochasticSegments;
    }

    /** Multiply-accumulates per image of one network sample: synapses × output positions. */
    public long macsPerImage() {
        return synapses * positions;
    }

    static double ratio(long a, long b) {
        return b == 0 ? 0.0 : (double) a / b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSparsity s && layer == s.layer && name.equals(s.name) && synapses == s.synapses
                && probabilistic == s.probabilistic && rows == s.rows && rowsWithProbabilistic == s.rowsWithProbabilistic
                && columnBlocks == s.columnBlocks && rowSegments == s.rowSegments
                && rowSegmentsWithProbabilistic == s.rowSegmentsWithProbabilistic
                && synapsesInStochasticRows == s.synapsesInStochasticRows
                && synapsesInStochasticSegments == s.synapsesInStochasticSegments && positions == s.positions
                && Arrays.equals(pHistogram, s.pHistogram);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(probabilistic + 7 * synapses) + layer + Arrays.hashCode(pHistogram);
    }
}
