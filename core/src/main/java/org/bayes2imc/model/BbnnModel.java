package org.bayes2imc.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

import java.util.Arrays;

/**
 * A trained Bayesian binary network (docs/MODEL.md §2.1): per layer the natural parameters λ of every binary weight
 * (P(w = +1) = sigmoid(2λ)) in PyTorch layout, and the BatchNorm running statistics; plus a metadata tree
 * (architecture, dataset, normalisation, training settings, seed, calibration temperature).
 */
public final class BbnnModel {
    private final Architecture architecture;
    private final float[][] lambda;
    private final float[][] bnMean;
    private final float[][] bnVar;
    private final ObjectNode metadata;

    public BbnnModel(Architecture architecture, float[][] lambda, float[][] bnMean, float[][] bnVar, ObjectNode metadata) {
        this.architecture = architecture;
        int n = architecture.depth();
        if (lambda.length != n || bnMean.length != n || bnVar.length != n) {
            throw new IllegalArgumentException("model has " + lambda.length + " λ tensors for " + n + " layers");
        }
        for (int i = 0; i < n; i++) {
            LayerSpec l = architecture.layer(i);
            if (lambda[i].length != l.weightCount()) {
                throw new IllegalArgumentException(l.name() + ": λ has " + lambda[i].length + " values, expected " + l.weightCount());
            }
            if (bnMean[i].length != l.outChannels() || bnVar[i].length != l.outChannels()) {
                throw new IllegalArgumentException(l.name() + ": BatchNorm statistics must have " + l.outChannels() + " values");
            }
        }
        this.lambda = lambda;
        this.bnMean = bnMean;
        this.bnVar = bnVar;
        this.metadata = metadata == null ? Json.object() : metadata;
    }

    /** A model with all λ = 0 (p = 0.5) and identity BatchNorm statistics. */
    public static BbnnModel zeros(Architecture a) {
        int n = a.depth();
        float[][] lam = new float[n][];
        float[][] mean = new float[n][];
        float[][] var = new float[n][];
        for (int i = 0; i < n; i++) {
            LayerSpec l = a.layer(i);
            lam[i] = new float[Math.toIntExact(l.weightCount())];
            mean[i] = new float[l.outChannels()];
            var[i] = new float[l.outChannels()];
            Arrays.fill(var[i], 1f);
        }
        return new BbnnModel(a, lam, mean, var, Json.object());
    }

    public Architecture architecture() {
        return architecture;
    }

    /** λ of layer i, PyTorch layout; the array is shared, not copied. */
    public float[] lambda(int layer) {
        return lambda[layer];
    }

    public float[] bnMean(int layer) {
        return bnMean[layer];
    }

    public float[] bnVar(int layer) {
        return bnVar[layer];
    }

    public ObjectNode metadata() {
        return metadata;
    }

    /** The logit temperature fitted on the validation split (1 when the model is uncalibrated). */
    public double calibrationTemperature() {
        return metadata.path("calibration").path("temperature").asDouble(1.0);
    }

    public void setCalibrationTemperature(double t) {
        setCalibration(TemperatureCalibration.of(t));
    }

    /** Records a calibration in the metadata (replacing one there, in place). */
    public void setCalibration(TemperatureCalibration c) {
        metadata.set("calibration", Json.tree(c));
    }

    /** P(w = +1) = sigmoid(2λ). */
    public static double probabilityPlusOne(double lambda) {
        return 1.0 / (1.0 + Math.exp(-2.0 * lambda));
    }

    /** Natural parameter for a given P(w = +1): λ = ½·ln(p/(1−p)). */
    public static double lambdaFor(double p) {
        return 0.5 * Math.log(p / (1.0 - p));
    }
}
