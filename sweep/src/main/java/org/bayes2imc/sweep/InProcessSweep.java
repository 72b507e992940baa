package org.bayes2imc.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's pending cells one after the other in this JVM, through the same {@link CellStudy} as the Spark
 * engine: the reference the distributed runs are checked against, and the per-cell cost the benchmark compares with.
 */
public final class InProcessSweep {
    private InProcessSweep() {
    }

    /** Runs the pending cells, recording each row as it finishes; returns the experiment's table (also in sweep.csv). */
    public static List<SweepRow> run(Experiment e, SweepOutput out, Consumer<SweepRow> onRow) {
        List<Cell> pending = out.pending(e);
        if (!pending.isEmpty()) {
            SweepInputs in = SweepInputs.load(e);
            for (Cell c : pending) {
                SweepRow r = CellStudy.run(c, in);
                out.record(r);
                onRow.accept(r);
            }
        }
        List<SweepRow> rows = out.rows(e);
        out.writeCsv(rows);
        return rows;
    }
}
