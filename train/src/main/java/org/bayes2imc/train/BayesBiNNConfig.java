package org.bayes2imc.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

/**
 * Settings of the BayesBiNN optimizer (Meng, Bachmann, Khan, ICML 2020; docs/MODEL.md §2.2) with the knobs that control the
 * posterior's concentration (docs/MODEL.md §2.4). Defaults are the ones tuned for the Fashion-MNIST demo (train/TUNING.md).
 *
 * @param temperature      τ of the relaxed weight w_r = tanh((λ + δ)/τ); default 1e-10 (hard ±1 samples, as the reference)
 * @param scaleStrategy    how the natural-gradient scale s is used; default {@link ScaleStrategy#EXPECTATION_ONE}
 * @param scaleClamp       upper bound on s for {@link ScaleStrategy#CLAMPED}; default 1000
 * @param datasetScale     multiplier on the training-set size giving N of ĝ = N·mean(s⊙g); larger → more certain
 *                         synapses (fewer probabilistic ones); default tuned (see TUNING.md)
 * @param lambdaInit       λ initialisation; default {@link LambdaInit#ZERO}
 * @param lambdaInitMagnitude |λ| for {@link LambdaInit#RANDOM_SIGN}; default 10 (the reference)
 * @param priorLambda      prior natural parameter λ0; default 0 (p = ½)
 * @param klWeight         weight of the (λ − λ0) pull towards the prior; default 1 (the reference)
 * @param momentum         β of the running average m; default 0 (the reference)
 * @param learningRate     initial learning rate, annealed per step by a cosine to ~0 over the run; default 0.01
 * @param mcSamples        S Monte-Carlo samples of the relaxed weights per step; default 1
 * @param muLag            which λ μ is computed from (only matters for EXACT/CLAMPED); default {@link MuLag#CURRENT}
 */
@JsonPropertyOrder({"temperature", "scale_strategy", "scale_clamp", "dataset_scale", "lambda_init", "lambda_init_magnitude",
        "prior_lambda", "kl_weight", "momentum", "learning_rate", "lr_schedule", "mc_samples", "mu_lag"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record BayesBiNNConfig(double temperature, ScaleStrategy scaleStrategy, double scaleClamp, double datasetScale,
                              LambdaInit lambdaInit, double lambdaInitMagnitude, double priorLambda, double klWeight,
                              double momentum, double learningRate, int mcSamples, MuLag muLag) {

    public static final double DEFAULT_TEMPERATURE = 1e-10;
    public static final double DEFAULT_SCALE_CLAMP = 1000;
    public static final double DEFAULT_DATASET_SCALE = 2000;
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final String LR_SCHEDULE = "cosine per step to 0";

    public BayesBiNNConfig {
        if (!(temperature > 0)) {
            throw new org.bayes2imc.io.InvalidSetting("temperature", "must be > 0, got " + temperature);
        }
        if (!(scaleClamp > 0)) {
            throw new org.bayes2imc.io.InvalidSetting("scale_clamp", "must be > 0, got " + scaleClamp);
        }
        if (!(datasetScale > 0)) {
            throw new org.bayes2imc.io.InvalidSetting("dataset_scale", "must be > 0, got " + datasetScale);
        }
        if (!(lambdaInitMagnitude >= 0)) {
            throw new org.bayes2imc.io.InvalidSetting("lambda_init_magnitude", "must be >= 0, got " + lambdaInitMagnitude);
        }
        if (!(klWeight >= 0)) {
            throw new org.bayes2imc.io.InvalidSetting("kl_weight", "must be >= 0, got " + klWeight);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new org.bayes2imc.io.InvalidSetting("momentum", "must be in [0, 1), got " + momentum);
        }
        if (!(learningRate > 0)) {
            throw new org.bayes2imc.io.InvalidSetting("learning_rate", "must be > 0, got " + learningRate);
        }
        if (mcSamples < 1) {
            throw new org.bayes2imc.io.InvalidSetting("mc_samples", "must be >= 1, got " + mcSamples);
        }
        if (!Double.isFinite(priorLambda)) {
            throw new org.bayes2imc.io.InvalidSetting("prior", "must be finite");
        }
        if (scaleStrategy == null || lambdaInit == null || muLag == null) {
            throw new IllegalArgumentException("optimizer strategies must not be null");
        }
    }

    /** The tuned defaults for the demo model. */
    public static BayesBiNNConfig defaults() {
        return new BayesBiNNConfig(DEFAULT_TEMPERATURE, ScaleStrategy.EXPECTATION_ONE, DEFAULT_SCALE_CLAMP,
                DEFAULT_DATASET_SCALE, LambdaInit.ZERO, 10, 0, 1, 0, DEFAULT_LEARNING_RATE, 1, MuLag.CURRENT);
    }

    /** The reference settings of docs/MODEL.md §2.2 (CIFAR-10), which collapse the posterior in float32 (docs/MODEL.md §2.4). */
    public static BayesBiNNConfig reference() {
        return new BayesBiNNConfig(1e-10, ScaleStrategy.EXACT, DEFAULT_SCALE_CLAMP, 10, LambdaInit.RANDOM_SIGN, 10, 0, 1,
                0, 3e-4, 1, MuLag.REFERENCE_ONE_STEP);
    }

    public BayesBiNNConfig withDatasetScale(double v) {
        return new BayesBiNNConfig(temperature, scaleStrategy, scaleClamp, v, lambdaInit, lambdaInitMagnitude,
                priorLambda, klWeight, momentum, learningRate, mcSamples, muLag);
    }

    public BayesBiNNConfig withLearningRate(double v) {
        return new BayesBiNNConfig(temperature, scaleStrategy, scaleClamp, datasetScale, lambdaInit,
                lambdaInitMagnitude, priorLambda, klWeight, momentum, v, mcSamples, muLag);
    }

    /** How the learning rate is annealed (recorded with the settings; not a setting). */
    @JsonProperty(value = "lr_schedule", access = JsonProperty.Access.READ_ONLY)
    public String lrSchedule() {
        return LR_SCHEDULE;
    }

    /** These settings as a JSON tree (the keys of docs/RESULTS.md's {@code training.optimizer}). */
    public JsonNode toJson() {
        return Json.tree(this);
    }

    /** Settings read back from JSON; a missing key takes its default. */
    public static BayesBiNNConfig fromJson(JsonNode o) {
        ObjectNode merged = (ObjectNode) Json.tree(defaults());
        if (o instanceof ObjectNode given) {
            merged.setAll(given);
        }
        return Json.MAPPER.convertValue(merged, BayesBiNNConfig.class);
    }
}
