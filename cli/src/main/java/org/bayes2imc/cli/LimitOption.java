package org.bayes2imc.cli;

import picocli.CommandLine.Option;

/** The shared {@code --limit} option: the first N images of a set, 0 = all, in every command. */
final class LimitOption {
    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "use only the first N images, 0 = all (default: ${DEFAULT-VALUE})")
    int limit;

    /** The validated limit, 0 = all. */
    int value() {
        return Checks.limit("--limit", limit);
    }

    /** The validated limit as a maximum count (0 becomes "no limit"). */
    int max() {
        return value() == 0 ? Integer.MAX_VALUE : limit;
    }
}
