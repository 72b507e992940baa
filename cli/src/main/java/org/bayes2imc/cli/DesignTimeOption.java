package org.bayes2imc.cli;

import picocli.CommandLine.Option;

/** The shared {@code --design-time} option: the read time the mapping targets (docs/MODEL.md §4.3), one name everywhere. */
final class DesignTimeOption {
    @Option(names = {"--design-time", "--mapping-time"}, paramLabel = "TIME",
            description = "design read time of the mapping: the conductance solver targets p as read then, with the "
                    + "drift expected by then (default: the study's first read time)")
    String designTime;

    /** The validated design time in seconds, or {@code firstReadSeconds} when the option is not given. */
    double seconds(double firstReadSeconds) {
        return designTime == null ? firstReadSeconds : Checks.seconds("--design-time", designTime);
    }
}
