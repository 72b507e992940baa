package org.bayes2imc.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.imc.CrossbarConfig;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.EngineConfig;
import org.bayes2imc.imc.GroupsBuilder;
import org.bayes2imc.imc.SamplingConfig;
import org.bayes2imc.imc.StudyConfig;
import org.bayes2imc.io.InvalidSetting;

/**
 * A deployment experiment as written in a YAML/JSON file (docs/CONFIG.md) or assembled from command-line options:
 * one group per concern, each with its documented defaults. {@link #deployOptions()} instantiates the strategies
 * (device model, drift compensation) and gives the {@link DeployOptions} the engine runs. Loaded by {@link ConfigFile}.
 *
 * @param device       device model and noise scales ({@link DeviceConfig})
 * @param crossbar     design, array size, word widths ({@link CrossbarConfig})
 * @param mapping      encoding, G_ref, SET/RESET, ε ({@link MappingConfig})
 * @param compensation drift compensation ({@link CompensationConfig})
 * @param sampling     S, semantics, reads, sparsity ({@link SamplingConfig})
 * @param engine       threads, kernels, chunk ({@link EngineConfig})
 * @param study        K, time, design time, seed ({@link StudyConfig})
 * @param correction   logit correction and calibration images, each absent = the command's default
 *                     ({@link CorrectionConfig}); not part of {@link #deployOptions()}, the studies take it
 */
@JsonDeserialize(builder = ExperimentConfig.Builder.class)
public record ExperimentConfig(DeviceConfig device, CrossbarConfig crossbar, MappingConfig mapping,
                               CompensationConfig compensation, SamplingConfig sampling, EngineConfig engine,
                               StudyConfig study, CorrectionConfig correction) {
    public ExperimentConfig {
        InvalidSetting.present("device", device);
        InvalidSetting.present("crossbar", crossbar);
        InvalidSetting.present("mapping", mapping);
        InvalidSetting.present("compensation", compensation);
        InvalidSetting.present("sampling", sampling);
        InvalidSetting.present("engine", engine);
        InvalidSetting.present("study", study);
        InvalidSetting.present("correction", correction);
    }

    public static ExperimentConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optDevice(device).optCrossbar(crossbar).optMapping(mapping).optCompensation(compensation)
                .optSampling(sampling).optEngine(engine).optStudy(study).optCorrection(correction);
    }

    /** The settings the deployment engine runs, with the device model and compensation instantiated. */
    public DeployOptions deployOptions() {
        return DeployOptions.builder().setDevice(device.create()).optCompensation(compensation.create())
                .optCrossbar(crossbar).optMapping(mapping).optSampling(sampling).optEngine(engine).optStudy(study)
                .build();
    }

    /** Every group optional ({@code opt…}), each at its defaults when absent. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder extends GroupsBuilder<Builder> {
        private DeviceConfig device = DeviceConfig.defaults();
        private CompensationConfig compensation = CompensationConfig.defaults();
        private CorrectionConfig correction = CorrectionConfig.defaults();

        public Builder optDevice(DeviceConfig v) {
            device = v;
            return this;
        }

        public Builder optCompensation(CompensationConfig v) {
            compensation = v;
            return this;
        }

        public Builder optCorrection(CorrectionConfig v) {
            correction = v;
            return this;
        }

        public ExperimentConfig build() {
            return new ExperimentConfig(device, crossbar, mapping, compensation, sampling, engine, study, correction);
        }
    }
}
