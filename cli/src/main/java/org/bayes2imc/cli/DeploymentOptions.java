package org.bayes2imc.cli;

import org.bayes2imc.config.ConfigFile;
import org.bayes2imc.config.ExperimentConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * Every option of a deployment experiment ({@link ExperimentConfig}), one mixin per group, and {@code --config FILE}:
 * the file's settings first, then each option the user gave on top. A new setting is one field in its group's
 * record and one option in that group's mixin; nothing here changes.
 */
final class DeploymentOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "experiment file (YAML, or JSON by its suffix; docs/CONFIG.md); options given on the command line override it")
    Path config;
    @Mixin
    DeviceOptions device;
    @Mixin
    CrossbarOptions crossbar;
    @Mixin
    MappingOptions mapping;
    @Mixin
    CompensationOptions compensation;
    @Mixin
    SamplingOptions sampling;
    @Mixin
    EngineOptions engine;
    @Mixin
    StudyOptions study;
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The experiment: the file's groups (or the defaults), with every option given on the command line applied. */
    ExperimentConfig experiment() {
        return experiment(config == null ? ExperimentConfig.defaults() : ConfigFile.load(config), given());
    }

    /** The options that override the file: all of them without a file, else those typed on the command line. */
    Given given() {
        ParseResult parsed = command.commandLine().getParseResult();
        return config == null ? Given.ALL : parsed::hasMatchedOption;
    }

    /** {@code base} with the options {@code given} applied, group by group. */
    ExperimentConfig experiment(ExperimentConfig base, Given given) {
        return ExperimentConfig.builder()
                .optDevice(device.apply(base.device(), given))
                .optCrossbar(crossbar.apply(base.crossbar(), given))
                .optMapping(mapping.apply(base.mapping(), given))
                .optCompensation(compensation.apply(base.compensation(), given))
                .optSampling(sampling.apply(base.sampling(), given))
                .optEngine(engine.apply(base.engine(), given))
                .optStudy(study.apply(base.study(), given))
                .optCorrection(base.correction())
                .build();
    }
}
