package org.bayes2imc.cli;

import picocli.CommandLine.Option;

/** The shared {@code --samples} option: ensemble members S, 1..{@link Checks#MAX_SAMPLES}, default 10 everywhere. */
final class SamplesOption {
    @Option(names = "--samples", defaultValue = "10", paramLabel = "S",
            description = "ensemble members S, 1.." + Checks.MAX_SAMPLES + " (default: ${DEFAULT-VALUE})")
    int samples;

    /** The validated S. */
    int value() {
        return Checks.count("--samples", samples, Checks.MAX_SAMPLES);
    }
}
