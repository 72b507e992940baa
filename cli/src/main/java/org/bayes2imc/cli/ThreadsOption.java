package org.bayes2imc.cli;

import picocli.CommandLine.Option;

/** The shared {@code --threads} option: 0 = all available processors, in every command. */
final class ThreadsOption {
    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "worker threads, 0 = all available processors, at most " + Checks.MAX_THREADS + " (default: ${DEFAULT-VALUE})")
    int threads;

    /** The validated thread count, 0 resolved to the available processors. */
    int resolve() {
        return Checks.threads("--threads", threads);
    }

    /** The validated raw value (0 kept as "engine default"), for engines that have their own default. */
    int raw() {
        Checks.threads("--threads", threads);
        return threads;
    }
}
