package org.bayes2imc.cli;

import org.bayes2imc.imc.CrossbarConfig;
import org.bayes2imc.imc.SamplerDesign;
import picocli.CommandLine.Option;

/** The crossbar group's options ({@link CrossbarConfig}): design, array size, word widths. */
final class CrossbarOptions {
    @Option(names = "--design", defaultValue = "bayes2imc", description = "bayes2imc | sram (default: ${DEFAULT-VALUE})")
    String design;
    @Option(names = "--array-size", defaultValue = "128", description = "crossbar rows = columns, a power of two (default: ${DEFAULT-VALUE})")
    int arraySize;
    @Option(names = "--activation-bits", defaultValue = "8", description = "k-bit layer inputs, 0 = float (default: ${DEFAULT-VALUE})")
    int activationBits;
    @Option(names = {"--sram-bits", "--p-bits"}, defaultValue = "8", description = "bits of the SRAM word holding p (default: ${DEFAULT-VALUE})")
    int sramBits;

    /** The given options over {@code base} (the file's group, or the defaults). */
    CrossbarConfig apply(CrossbarConfig base, Given given) {
        CrossbarConfig.Builder b = base.toBuilder();
        if (given.test("--design")) b.optDesign(SamplerDesign.parse(design));
        if (given.test("--array-size")) b.optArraySize(Checks.arraySize("--array-size", arraySize));
        if (given.test("--activation-bits")) b.optActivationBits(Checks.range("--activation-bits", activationBits, 0, 16));
        if (given.test("--sram-bits")) b.optSramBits(Checks.bits("--sram-bits", sramBits));
        return b.build();
    }
}
