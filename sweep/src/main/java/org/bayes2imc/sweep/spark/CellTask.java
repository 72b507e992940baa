package org.bayes2imc.sweep.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.bayes2imc.sweep.Cell;
import org.bayes2imc.sweep.CellStudy;
import org.bayes2imc.sweep.SweepInputs;
import org.bayes2imc.sweep.SweepRow;

/** The Spark task of one cell: runs it on the executor against the broadcast inputs, returns its row as JSON. */
final class CellTask implements Function<Cell, String> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Broadcast<SweepInputs> inputs;

    CellTask(Broadcast<SweepInputs> inputs) {
        this.inputs = inputs;
    }

    @Override
    public String call(Cell cell) throws JsonProcessingException {
        return MAPPER.writeValueAsString(CellStudy.run(cell, inputs.value()));
    }

    static SweepRow parse(String json) {
        try {
            return MAPPER.readValue(json, SweepRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed row from an executor: " + e.getOriginalMessage(), e);
        }
    }
}
