package org.bayes2imc.cli;

import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.device.SynapseEncoding;
import picocli.CommandLine.Option;

/** The mapping group's options ({@link MappingConfig}): encoding, G_ref, ε. */
final class MappingOptions {
    @Option(names = "--encoding", defaultValue = "single",
            description = "single | differential (a pair of devices, compared read against read) (default: ${DEFAULT-VALUE})")
    String encoding;
    @Option(names = "--g-ref", defaultValue = "5", description = "sense-amplifier reference G_ref, µS (default: ${DEFAULT-VALUE})")
    double referenceMicroSiemens;
    @Option(names = "--epsilon", defaultValue = "0.01", description = "p < ε or p > 1-ε is deterministic (default: ${DEFAULT-VALUE})")
    double epsilon;

    /** The given options over {@code base} (the file's group, or the defaults). */
    MappingConfig apply(MappingConfig base, Given given) {
        MappingConfig.Builder b = base.toBuilder();
        if (given.test("--encoding")) b.optEncoding(SynapseEncoding.parse(encoding));
        if (given.test("--g-ref")) b.optReferenceMicroSiemens(Checks.range("--g-ref", referenceMicroSiemens, 0, 1000));
        if (given.test("--epsilon")) b.optEpsilon(Checks.epsilon("--epsilon", epsilon));
        return b.build();
    }
}
