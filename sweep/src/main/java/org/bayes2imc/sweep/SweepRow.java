package org.bayes2imc.sweep;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * One row of a sweep's table: the cell (index, id, model, settings), whether it ran ({@code ok}) or failed (with
 * its error, one line), its figures and its wall time. Everything but {@code seconds} depends only on the cell.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SweepRow(int index, String cellId, String model, Map<String, Object> settings, String status,
                       String error, CellFigures figures, double seconds) implements java.io.Serializable {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }

    /** The row without its wall time: what must be equal wherever the cell ran. */
    public SweepRow withoutTiming() {
        return new SweepRow(index, cellId, model, settings, status, error, figures, 0.0);
    }
}
