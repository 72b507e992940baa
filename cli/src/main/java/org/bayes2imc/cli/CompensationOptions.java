package org.bayes2imc.cli;

import org.bayes2imc.config.CompensationConfig;
import picocli.CommandLine.Option;

/** The drift-compensation group's options ({@link CompensationConfig}). */
final class CompensationOptions {
    @Option(names = "--compensation", defaultValue = "global", description = "none | global | reference-cell (default: ${DEFAULT-VALUE})")
    String scheme;
    @Option(names = "--reference-devices", defaultValue = "64", description = "reference devices per layer for global compensation (default: ${DEFAULT-VALUE})")
    int referenceDevices;

    /** The given options over {@code base} (the file's group, or the defaults). */
    CompensationConfig apply(CompensationConfig base, Given given) {
        CompensationConfig.Builder b = base.toBuilder();
        if (given.test("--reference-devices")) b.optReferenceDevices(Checks.count("--reference-devices", referenceDevices, Checks.MAX_REFERENCE_DEVICES));
        if (given.test("--compensation")) b.optScheme(scheme);
        return b.build();
    }
}
