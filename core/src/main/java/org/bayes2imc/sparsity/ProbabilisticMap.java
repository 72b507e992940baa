package org.bayes2imc.sparsity;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.model.LayerSpec;

/**
 * Where a layer's probabilistic synapses sit on its crossbar rows: per input row (whole row) and per row segment
 * (row × column block). Weight layout is PyTorch's, so synapse (input row r, output column o) is at flat index
 * {@code o·fanIn + r} for both conv ([out, in, k, k], r = in·k·k + ky·k + kx) and FC ([out, in]) layers.
 */
final class ProbabilisticMap {
    /** Bins of the p histogram over [0, 1]. */
    static final int HISTOGRAM_BINS = 20;

    final int rows;
    final int columns;
    final int columnBlocks;
    final int blockWidth;
    /** [rows]: row holds ≥ 1 probabilistic synapse. */
    final boolean[] rowStochastic;
    /** [rows × columnBlocks], index r·columnBlocks + b: the row segment holds ≥ 1 probabilistic synapse. */
    final boolean[] segmentStochastic;
    final long probabilistic;
    /** Counts of p = sigmoid(2λ) in 20 equal bins over [0, 1] (p = 1 falls in the last bin); null if not asked. */
    final long[] pHistogram;

    private ProbabilisticMap(int rows, int columns, int columnBlocks, int blockWidth, boolean[] rowStochastic,
                             boolean[] segmentStochastic, long probabilistic, long[] pHistogram) {
        this.rows = rows;
        this.columns = columns;
        this.columnBlocks = columnBlocks;
        this.blockWidth = blockWidth;
        this.rowStochastic = rowStochastic;
        this.segmentStochastic = segmentStochastic;
        this.probabilistic = probabilistic;
        this.pHistogram = pHistogram;
    }

    static ProbabilisticMap of(CrossbarTiling tiling, float[] lambda, SynapseClassifier classifier, boolean histogram) {
        LayerSpec layer = tiling.layer();
        int rows = layer.fanIn();
        int columns = layer.outChannels();
        if (lambda.length != (long) rows * columns) {
            throw new IllegalArgumentException(layer.name() + ": λ has " + lambda.length + " values, expected "
                    + (long) rows * columns);
        }
        int blockWidth = tiling.synapsesPerArrayRow();
        int columnBlocks = tiling.columnBlocks();
        boolean[] rowStochastic = new boolean[rows];
        boolean[] segmentStochastic = new boolean[rows * columnBlocks];
        long[] hist = histogram ? new long[HISTOGRAM_BINS] : null;
        long probabilistic = 0;
        for (int o = 0; o < columns; o++) {
            int b = o / blockWidth;
            int base = o * rows;
            for (int r = 0; r < rows; r++) {
                float lam = lambda[base + r];
                if (Float.isNaN(lam)) {
                    throw new IllegalArgumentException(layer.name() + ": λ[" + (base + r) + "] is NaN");
                }
                if (classifier.isProbabilistic(lam)) {
                    probabilistic++;
                    rowStochastic[r] = true;
                    segmentStochastic[r * columnBlocks + b] = true;
                }
                if (hist != null) {
                    hist[bin(SynapseClassifier.probabilityPlusOne(lam))]++;
                }
            }
        }
        return new ProbabilisticMap(rows, columns, columnBlocks, blockWidth, rowStochastic, segmentStochastic,
                probabilistic, hist);
    }

    static int bin(double p) {
        return Math.min(HISTOGRAM_BINS - 1, Math.max(0, (int) (p * HISTOGRAM_BINS)));
    }

    int columnStart(int block) {
        return block * blockWidth;
    }

    int columnEnd(int block) {
        return Math.min(columns, (block + 1) * blockWidth);
    }

    int rowsWithProbabilistic() {
        int n = 0;
        for (boolean s : rowStochastic) {
            n += s ? 1 : 0;
        }
        return n;
    }

    long segmentsWithProbabilistic() {
        long n = 0;
        for (boolean s : segmentStochastic) {
            n += s ? 1 : 0;
        }
        return n;
    }

    /** Synapses lying in stochastic rows or stochastic row segments, per the granularity. */
    long stochasticSynapses(RowGranularity granularity) {
        if (granularity == RowGranularity.WHOLE_ROW) {
            return (long) rowsWithProbabilistic() * columns;
        }
        long n = 0;
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < columnBlocks; b++) {
                if (segmentStochastic[r * columnBlocks + b]) {
                    n += columnEnd(b) - columnStart(b);
                }
            }
        }
        return n;
    }
}
