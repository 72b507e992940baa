package org.bayes2imc.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A training checkpoint's metadata ({@code bayes2imc_checkpoint}): the run's settings, the training time and
 * epoch history so far (so a resumed run's model records the epochs before the interruption), the epochs done and
 * the optimizer step.
 */
@JsonPropertyOrder({"config", "training_seconds", "history", "epochs_done", "step"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointInfo(TrainConfig config, double trainingSeconds, List<EpochRow> history, int epochsDone, long step) {

    /** Reads the metadata leniently, as the checkpoint format always was: a missing entry takes its empty value. */
    static CheckpointInfo fromJson(JsonNode meta) {
        List<EpochRow> rows = new ArrayList<>();
        for (JsonNode row : meta.path("history")) {
            rows.add(Json.MAPPER.convertValue(row, EpochRow.class));
        }
        return new CheckpointInfo(TrainConfig.fromJson(meta.path("config")), meta.path("training_seconds").asDouble(0),
                List.copyOf(rows), meta.path("epochs_done").asInt(), meta.path("step").asLong());
    }
}
