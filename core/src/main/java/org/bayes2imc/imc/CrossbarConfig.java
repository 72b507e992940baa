package org.bayes2imc.imc;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.io.InvalidSetting;
import org.bayes2imc.model.CrossbarTiling;

/**
 * The simulated core's circuit (docs/MODEL.md §6, §8): which design, how large its crossbars are, and how wide its
 * digital words. Immutable; {@link #builder()} starts from the documented defaults, {@link Builder#build()} validates.
 *
 * @param design         Bayes2IMC (PCM read noise) [default] or the SRAM + LFSR baseline
 * @param arraySize      crossbar rows = columns, a power of two [default 128]
 * @param activationBits k-bit quantisation of every layer input, 0 = float [default 8]
 * @param sramBits       bits of the SRAM word holding p [default 8]
 */
@JsonDeserialize(builder = CrossbarConfig.Builder.class)
public record CrossbarConfig(SamplerDesign design, int arraySize, int activationBits, int sramBits) {
    public CrossbarConfig {
        InvalidSetting.present("design", design);
        if (arraySize <= 0 || Integer.bitCount(arraySize) != 1) {
            throw new InvalidSetting("array_size", "must be a positive power of two, got " + arraySize);
        }
        InvalidSetting.range("activation_bits", activationBits, 0, 16);
        InvalidSetting.range("sram_bits", sramBits, 1, 16);
    }

    public static CrossbarConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optDesign(design).optArraySize(arraySize).optActivationBits(activationBits).optSramBits(sramBits);
    }

    /** Every setting optional ({@code opt…}), defaults as documented on the record. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private SamplerDesign design = SamplerDesign.BAYES2IMC;
        private int arraySize = CrossbarTiling.DEFAULT_ARRAY_SIZE;
        private int activationBits = 8;
        private int sramBits = 8;

        public Builder optDesign(SamplerDesign v) {
            design = v;
            return this;
        }

        public Builder optArraySize(int v) {
            arraySize = v;
            return this;
        }

        public Builder optActivationBits(int v) {
            activationBits = v;
            return this;
        }

        public Builder optSramBits(int v) {
            sramBits = v;
            return this;
        }

        public CrossbarConfig build() {
            return new CrossbarConfig(design, arraySize, activationBits, sramBits);
        }
    }
}
