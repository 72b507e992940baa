package org.bayes2imc.imc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.device.Durations;
import org.bayes2imc.io.InvalidSetting;

/**
 * What a deployment study repeats and when it reads (docs/MODEL.md §7): K independent programmings, the read time
 * after programming, the design time the mapping targets, and the master seed. Immutable; {@link #builder()} starts
 * from the documented defaults. In a file, times are written as on the command line ({@code time: 1d}).
 *
 * @param deployments   independent programmings K [default 10]
 * @param seconds       evaluation time after programming [default 20 s]
 * @param designSeconds time after programming whose read noise and drift the conductance solver targets; NaN
 *                      [default] = the evaluation time ({@link #resolvedDesignSeconds()})
 * @param seed          master seed of programming noise, drift exponents, reference devices and samples [default 1]
 */
@JsonDeserialize(builder = StudyConfig.Builder.class)
public record StudyConfig(int deployments, double seconds, double designSeconds, long seed) {
    public StudyConfig {
        InvalidSetting.atLeast("deployments", deployments, 1);
        InvalidSetting.seconds("time", seconds);
        if (!Double.isNaN(designSeconds)) {
            InvalidSetting.seconds("design_time", designSeconds);
        }
    }

    /** The design read time t_d: {@link #designSeconds} where set, else the evaluation time. */
    public double resolvedDesignSeconds() {
        return Double.isNaN(designSeconds) ? seconds : designSeconds;
    }

    public static StudyConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optDeployments(deployments).optSeconds(seconds).optDesignSeconds(designSeconds).optSeed(seed);
    }

    /** Every setting optional ({@code opt…}), defaults as documented on the record. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private int deployments = 10;
        private double seconds = 20.0;
        /** NaN unless set: the design time follows the evaluation time. */
        private double designSeconds = Double.NaN;
        private long seed = 1L;

        public Builder optDeployments(int v) {
            deployments = v;
            return this;
        }

        public Builder optSeconds(double v) {
            seconds = v;
            return this;
        }

        public Builder optDesignSeconds(double v) {
            designSeconds = v;
            return this;
        }

        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        /** The evaluation time as text ("20s", "1d", "1e7s"), as in a config file. */
        @JsonProperty("time")
        public Builder optTime(String text) {
            return optSeconds(parse("time", text));
        }

        /** The design time as text ("20s", "1d"), as in a config file. */
        @JsonProperty("design_time")
        public Builder optDesignTime(String text) {
            return optDesignSeconds(parse("design_time", text));
        }

        private static double parse(String field, String text) {
            try {
                return Durations.parseSeconds(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting(field, "'" + text + "': " + e.getMessage());
            }
        }

        public StudyConfig build() {
            return new StudyConfig(deployments, seconds, designSeconds, seed);
        }
    }
}
