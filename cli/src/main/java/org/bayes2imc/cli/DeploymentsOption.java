package org.bayes2imc.cli;

import picocli.CommandLine.Option;

/** The shared {@code --deployments} option: independent programmings K of a core, default 10 everywhere. */
final class DeploymentsOption {
    @Option(names = "--deployments", defaultValue = "10", paramLabel = "K",
            description = "independent programmings K of the core, 1.." + Checks.MAX_DEPLOYMENTS + " (default: ${DEFAULT-VALUE})")
    int deployments;

    /** The validated K. */
    int value() {
        return Checks.count("--deployments", deployments, Checks.MAX_DEPLOYMENTS);
    }
}
