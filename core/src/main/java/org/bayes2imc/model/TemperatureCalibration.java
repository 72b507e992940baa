package org.bayes2imc.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A model's {@code calibration} metadata: the logit temperature fitted on the validation split (Guo et al. 2017;
 * docs/MODEL.md §2.5) and, when the trainer fitted it, the validation NLL before and after and the ensemble size.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemperatureCalibration(double temperature, String method, Double validationNllRaw, Double validationNllCalibrated,
                          Integer ensembleSamples) {
    public static final String METHOD = "temperature scaling on the validation split (Guo et al. 2017)";

    /** A temperature alone (the fit's figures unknown). */
    public static TemperatureCalibration of(double temperature) {
        return new TemperatureCalibration(temperature, METHOD, null, null, null);
    }
}
