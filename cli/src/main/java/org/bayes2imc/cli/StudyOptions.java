package org.bayes2imc.cli;

import org.bayes2imc.imc.StudyConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The study group's options ({@link StudyConfig}) for a study read at one time: K, time, design time, seed. */
final class StudyOptions {
    @Mixin
    DeploymentsOption deployments;
    @Option(names = "--time", defaultValue = "20s", description = "evaluation time after programming: 20s, 1h, 1d, 1y, 1e7s (default: ${DEFAULT-VALUE})")
    String time;
    @Mixin
    DesignTimeOption designTime;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    /** The given options over {@code base} (the file's group, or the defaults). */
    StudyConfig apply(StudyConfig base, Given given) {
        StudyConfig.Builder b = base.toBuilder();
        if (given.test("--deployments")) b.optDeployments(deployments.value());
        if (given.test("--time")) b.optSeconds(Checks.seconds("--time", time));
        if (designTime.designTime != null) b.optDesignSeconds(designTime.seconds(Double.NaN));
        if (given.test("--seed")) b.optSeed(seed);
        return b.build();
    }
}
