package org.bayes2imc.cli;

import org.bayes2imc.config.DeviceConfig;
import picocli.CommandLine.Option;

/** The device group's options ({@link DeviceConfig}), one name per setting in every command that picks a device model. */
final class DeviceOptions {
    @Option(names = "--device", defaultValue = "ibm-pcm", description = "ibm-pcm | nandakumar | ideal (default: ${DEFAULT-VALUE})")
    String model;
    @Option(names = "--programming-noise-scale", defaultValue = "1", description = "1 = published, 0 = off (default: ${DEFAULT-VALUE})")
    double programmingNoiseScale;
    @Option(names = "--read-noise-scale", defaultValue = "1", description = "1 = published, 0 = off (default: ${DEFAULT-VALUE})")
    double readNoiseScale;
    @Option(names = "--drift-scale", defaultValue = "1", description = "1 = published, 0 = off (default: ${DEFAULT-VALUE})")
    double driftScale;
    @Option(names = "--program-verify", description = "program-and-verify (re-program until within --verify-tolerance, at most 10 times)")
    boolean programVerify;
    @Option(names = "--verify-tolerance", defaultValue = "0.5", paramLabel = "µS",
            description = "program-and-verify's acceptance half-width, µS (default: ${DEFAULT-VALUE})")
    double verifyToleranceMicroSiemens;

    /** The given options over {@code base} (the file's group, or the defaults). */
    DeviceConfig apply(DeviceConfig base, Given given) {
        DeviceConfig.Builder b = base.toBuilder();
        if (given.test("--device")) b.optModel(model);
        if (given.test("--programming-noise-scale")) b.optProgrammingNoiseScale(Checks.scale("--programming-noise-scale", programmingNoiseScale));
        if (given.test("--read-noise-scale")) b.optReadNoiseScale(Checks.scale("--read-noise-scale", readNoiseScale));
        if (given.test("--drift-scale")) b.optDriftScale(Checks.scale("--drift-scale", driftScale));
        if (given.test("--program-verify")) b.optProgramVerify(programVerify);
        if (given.test("--verify-tolerance")) b.optVerifyToleranceMicroSiemens(Checks.range("--verify-tolerance", verifyToleranceMicroSiemens, 1e-6, 100));
        return b.build();
    }
}
