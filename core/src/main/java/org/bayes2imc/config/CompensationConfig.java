package org.bayes2imc.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.imc.GlobalReferenceRescaling;
import org.bayes2imc.io.InvalidSetting;

/**
 * How the sense amplifiers' reference follows drift (docs/MODEL.md §7): the description from which {@link #create()}
 * builds the {@link DriftCompensation} strategy object. Immutable; {@link #builder()} starts from the defaults.
 *
 * @param scheme           none, global [default] or reference-cell
 * @param referenceDevices reference devices per layer of the global scheme [default 64]
 */
@JsonDeserialize(builder = CompensationConfig.Builder.class)
public record CompensationConfig(String scheme, int referenceDevices) {
    /** A crossbar column holds at most 4096 devices; a million per layer is already far past any design. */
    public static final int MAX_REFERENCE_DEVICES = 1_000_000;

    public CompensationConfig {
        InvalidSetting.range("reference_devices", referenceDevices, 1, MAX_REFERENCE_DEVICES);
        DriftCompensation.parse(InvalidSetting.present("scheme", scheme), referenceDevices);
    }

    public static CompensationConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optScheme(scheme).optReferenceDevices(referenceDevices);
    }

    /** The drift compensation strategy this description names. */
    public DriftCompensation create() {
        return DriftCompensation.parse(scheme, referenceDevices);
    }

    /** Every setting optional ({@code opt…}), defaults as documented on the record. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private String scheme = "global";
        private int referenceDevices = GlobalReferenceRescaling.DEFAULT_DEVICES;

        public Builder optScheme(String v) {
            scheme = v;
            return this;
        }

        public Builder optReferenceDevices(int v) {
            referenceDevices = v;
            return this;
        }

        public CompensationConfig build() {
            return new CompensationConfig(scheme, referenceDevices);
        }
    }
}
