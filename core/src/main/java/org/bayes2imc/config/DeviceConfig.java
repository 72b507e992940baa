package org.bayes2imc.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.device.IbmPcmConfig;
import org.bayes2imc.device.ProgramAndVerify;
import org.bayes2imc.io.InvalidSetting;

/**
 * Which device model the synapses use and how its published noise is scaled (docs/MODEL.md §7): the description
 * from which {@link #create()} builds the {@link DeviceModel} strategy object. Immutable; {@link #builder()} starts
 * from the documented defaults.
 *
 * @param model                 ibm-pcm [default], nandakumar or ideal ({@link DeviceModels#NAMES})
 * @param programmingNoiseScale 1 = published [default], 0 = off
 * @param readNoiseScale        1 = published [default], 0 = off
 * @param driftScale            1 = published [default], 0 = off
 * @param programVerify         program-and-verify: re-program until within the tolerance, at most 10 times [default false]
 * @param verifyToleranceMicroSiemens program-and-verify's acceptance half-width, µS [default 0.5]
 */
@JsonDeserialize(builder = DeviceConfig.Builder.class)
public record DeviceConfig(String model, double programmingNoiseScale, double readNoiseScale, double driftScale,
                           boolean programVerify, double verifyToleranceMicroSiemens) {
    public DeviceConfig {
        InvalidSetting.present("model", model);
        if (!DeviceModels.NAMES.contains(model.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidSetting("model", "unknown device model '" + model + "'; must be one of " + String.join(", ", DeviceModels.NAMES));
        }
        scale("programming_noise_scale", programmingNoiseScale);
        scale("read_noise_scale", readNoiseScale);
        scale("drift_scale", driftScale);
        if (!(verifyToleranceMicroSiemens > 0) || Double.isInfinite(verifyToleranceMicroSiemens)) {
            throw new InvalidSetting("verify_tolerance_micro_siemens", "must be a positive finite conductance, got " + verifyToleranceMicroSiemens);
        }
    }

    private static void scale(String field, double v) {
        if (!(v >= 0.0 && v <= IbmPcmConfig.MAX_SCALE)) {
            throw new InvalidSetting(field, "must be in [0, " + (int) IbmPcmConfig.MAX_SCALE + "], got " + v);
        }
    }

    public static DeviceConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optModel(model).optProgrammingNoiseScale(programmingNoiseScale)
                .optReadNoiseScale(readNoiseScale).optDriftScale(driftScale).optProgramVerify(programVerify)
                .optVerifyToleranceMicroSiemens(verifyToleranceMicroSiemens);
    }

    /** The device model strategy this description names, with its noise scales and program-and-verify. */
    public DeviceModel create() {
        DeviceModel m = DeviceModels.create(model, programmingNoiseScale, readNoiseScale, driftScale);
        if (!programVerify) {
            return m;
        }
        ProgramAndVerify published = DeviceModels.withProgramAndVerify(m);
        return new ProgramAndVerify(m, verifyToleranceMicroSiemens, published.maxAttempts(), published.verifyReads());
    }

    /** Every setting optional ({@code opt…}), defaults as documented on the record. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private String model = "ibm-pcm";
        private double programmingNoiseScale = 1.0;
        private double readNoiseScale = 1.0;
        private double driftScale = 1.0;
        private boolean programVerify;
        private double verifyToleranceMicroSiemens = 0.5;

        public Builder optModel(String v) {
            model = v;
            return this;
        }

        public Builder optProgrammingNoiseScale(double v) {
            programmingNoiseScale = v;
            return this;
        }

        public Builder optReadNoiseScale(double v) {
            readNoiseScale = v;
            return this;
        }

        public Builder optDriftScale(double v) {
            driftScale = v;
            return this;
        }

        public Builder optProgramVerify(boolean v) {
            programVerify = v;
            return this;
        }

        public Builder optVerifyToleranceMicroSiemens(double v) {
            verifyToleranceMicroSiemens = v;
            return this;
        }

        public DeviceConfig build() {
            return new DeviceConfig(model, programmingNoiseScale, readNoiseScale, driftScale, programVerify,
                    verifyToleranceMicroSiemens);
        }
    }
}
