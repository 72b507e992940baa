package org.bayes2imc.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

/**
 * One training run's settings (docs/MODEL.md §2.2) besides the optimizer's.
 *
 * @param architecture       network name or spec for {@code Architectures.parse} (default {@code fmnist-small})
 * @param dataset            dataset name recorded in the model (default {@code fashion-mnist})
 * @param epochs             passes over the training part (default 2: the demo's time budget)
 * @param batchSize          images per step (default 50, the reference)
 * @param seed               seeds the split, the data order, λ init and every ε draw (default 1)
 * @param validationFraction share of the (limited) training set held out for validation and calibration (default 0.1)
 * @param limit              use only this many training images before the split (0 = all)
 * @param calibrationSamples ensemble members S for the validation temperature fit (default 10)
 * @param optimizer          the BayesBiNN settings
 */
@JsonPropertyOrder({"architecture", "dataset", "epochs", "batch_size", "seed", "validation_fraction", "limit",
        "calibration_samples", "optimizer"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainConfig(String architecture, String dataset, int epochs, int batchSize, long seed,
                          double validationFraction, int limit, int calibrationSamples, BayesBiNNConfig optimizer) {

    public static final int DEFAULT_EPOCHS = 2;
    public static final int DEFAULT_BATCH_SIZE = 50;

    public TrainConfig {
        if (epochs < 1) {
            throw new org.bayes2imc.io.InvalidSetting("epochs", "must be >= 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new org.bayes2imc.io.InvalidSetting("batch_size", "must be >= 2 (BatchNorm needs batch statistics), got " + batchSize);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        if (limit < 0) {
            throw new org.bayes2imc.io.InvalidSetting("limit", "must be >= 0, got " + limit);
        }
        if (calibrationSamples < 1) {
            throw new IllegalArgumentException("calibration samples must be >= 1, got " + calibrationSamples);
        }
    }

    public static TrainConfig defaults() {
        return new TrainConfig("fmnist-small", "fashion-mnist", DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, 1, 0.1, 0, 10,
                BayesBiNNConfig.defaults());
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(architecture, dataset, e, batchSize, seed, validationFraction, limit, calibrationSamples, optimizer);
    }

    public TrainConfig withOptimizer(BayesBiNNConfig o) {
        return new TrainConfig(architecture, dataset, epochs, batchSize, seed, validationFraction, limit, calibrationSamples, o);
    }

    /**
     * These settings as a JSON tree. Its serialisation (key order, number format) is hashed into the demo's model
     * cache key ({@code TrainStep.key}), so the order below must not change.
     */
    public JsonNode toJson() {
        return Json.tree(this);
    }

    /** Settings read back from JSON (a checkpoint or a model's {@code training}); a missing key takes its default. */
    public static TrainConfig fromJson(JsonNode o) {
        ObjectNode merged = (ObjectNode) Json.tree(defaults());
        if (o instanceof ObjectNode given) {
            merged.setAll(given);
        }
        merged.set("optimizer", BayesBiNNConfig.fromJson(o.path("optimizer")).toJson());
        return Json.MAPPER.convertValue(merged, TrainConfig.class);
    }
}
