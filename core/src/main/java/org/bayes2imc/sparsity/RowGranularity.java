package org.bayes2imc.sparsity;

import java.util.Locale;

/**
 * The unit of row sparsity (docs/MODEL.md §8 [choice]): a whole layer row (one input row across all the layer's output
 * columns, i.e. across every column block of arrays) or a row segment (the part of that row inside one array:
 * one row block × one column block). A unit holding at least one probabilistic synapse joins the stochastic plane.
 */
public enum RowGranularity {
    /** One input row across all output columns of the layer (the default). */
    WHOLE_ROW("whole-row"),
    /** The part of one input row that lies inside one array (row block × column block). */
    ROW_SEGMENT("row-segment");

    private final String label;

    RowGranularity(String label) {
        this.label = label;
    }

    /** The CLI/JSON spelling. */
    public String label() {
        return label;
    }

    /** Reads {@code whole-row} or {@code row-segment} (case-insensitive; underscores allowed). */
    public static RowGranularity parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (RowGranularity g : values()) {
            if (g.label.equals(t)) {
                return g;
            }
        }
        throw new org.bayes2imc.io.InvalidSetting("granularity", "must be whole-row or row-segment, got '" + s + "'");
    }
}
