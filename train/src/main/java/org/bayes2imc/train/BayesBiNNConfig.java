package org.bayes2imc.train;

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
public record BayesBiNNConfig(double temperature, ScaleStrategy scaleStrategy, double scaleClamp, double datasetScale,
                              LambdaInit lambdaInit, double lambdaInitMagnitude, double priorLambda, double klWeight,
                              double momentum, double learningRate, int mcSamples, MuLag muLag) {

    public static final double DEFAULT_TEMPERATURE = 1e-10;
    public static final double DEFAULT_SCALE_CLAMP = 1000;
    public static final double DEFAULT_DATASET_SCALE = 2000;
    public static final double DEFAULT_LEARNING_RATE = 0.01;

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

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("temperature", temperature);
        o.put("scale_strategy", scaleStrategy.name());
        o.put("scale_clamp", scaleClamp);
        o.put("dataset_scale", datasetScale);
        o.put("lambda_init", lambdaInit.name());
        o.put("lambda_init_magnitude", lambdaInitMagnitude);
        o.put("prior_lambda", priorLambda);
        o.put("kl_weight", klWeight);
        o.put("momentum", momentum);
        o.put("learning_rate", learningRate);
        o.put("lr_schedule", "cosine per step to 0");
        o.put("mc_samples", mcSamples);
        o.put("mu_lag", muLag.name());
        return o;
    }

    public static BayesBiNNConfig fromJson(com.fasterxml.jackson.databind.JsonNode o) {
        BayesBiNNConfig d = defaults();
        return new BayesBiNNConfig(o.path("temperature").asDouble(d.temperature),
                ScaleStrategy.valueOf(o.path("scale_strategy").asText(d.scaleStrategy.name())),
                o.path("scale_clamp").asDouble(d.scaleClamp), o.path("dataset_scale").asDouble(d.datasetScale),
                LambdaInit.valueOf(o.path("lambda_init").asText(d.lambdaInit.name())),
                o.path("lambda_init_magnitude").asDouble(d.lambdaInitMagnitude),
                o.path("prior_lambda").asDouble(d.priorLambda), o.path("kl_weight").asDouble(d.klWeight),
                o.path("momentum").asDouble(d.momentum), o.path("learning_rate").asDouble(d.learningRate),
                o.path("mc_samples").asInt(d.mcSamples), MuLag.valueOf(o.path("mu_lag").asText(d.muLag.name())));
    }
}
