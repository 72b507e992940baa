package org.bayes2imc.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.io.InvalidSetting;

/**
 * The per-deployment logit correction (docs/MODEL.md §7.1) and the unlabelled training images it and the activation
 * ranges are fitted on. Both settings are optional: absent (null) means the running command's own default (deploy: no
 * correction on 1000 images; drift: none on 256; demo: affine on 300), since each command's figures are defined with
 * its own. Immutable; {@link #builder()} starts with both absent.
 *
 * @param method            none, affine or read-back [default: the command's]
 * @param calibrationImages unlabelled training images, ≥ 1 [default: the command's]
 */
@JsonDeserialize(builder = CorrectionConfig.Builder.class)
public record CorrectionConfig(String method, Integer calibrationImages) {
    public CorrectionConfig {
        if (method != null && !LogitCorrections.names().contains(method)) {
            throw new InvalidSetting("method", "must be one of " + String.join(", ", LogitCorrections.names())
                    + ", got '" + method + "'");
        }
        if (calibrationImages != null) {
            InvalidSetting.atLeast("calibration_images", calibrationImages, 1);
        }
    }

    public static CorrectionConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optMethod(method).optCalibrationImages(calibrationImages);
    }

    /** The method's name, or {@code commandDefault} where the experiment leaves it to the command. */
    public String methodOr(String commandDefault) {
        return method != null ? method : commandDefault;
    }

    /** The correction strategy, or the command's default one. */
    public LogitCorrection create(String commandDefault) {
        return LogitCorrections.byName(methodOr(commandDefault));
    }

    /** The image count, or {@code commandDefault} where the experiment leaves it to the command. */
    public int calibrationImagesOr(int commandDefault) {
        return calibrationImages != null ? calibrationImages : commandDefault;
    }

    /** Every setting optional ({@code opt…}); an absent one is the command's default. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private String method;
        private Integer calibrationImages;

        public Builder optMethod(String v) {
            method = v;
            return this;
        }

        public Builder optCalibrationImages(Integer v) {
            calibrationImages = v;
            return this;
        }

        public CorrectionConfig build() {
            return new CorrectionConfig(method, calibrationImages);
        }
    }
}
