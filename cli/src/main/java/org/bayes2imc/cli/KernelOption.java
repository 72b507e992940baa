package org.bayes2imc.cli;

import org.bayes2imc.imc.KernelChoice;
import picocli.CommandLine.Option;

/** The {@code --kernel} option of the commands that evaluate deployed cores (deploy, bench). */
final class KernelOption {
    @Option(names = "--kernel", defaultValue = "auto",
            description = "arithmetic kernels: auto (exact int8 oneDNN kernels where the CPU has VNNI, else float), int8, "
                    + "float; results are identical (default: ${DEFAULT-VALUE})")
    String kernel;

    KernelChoice choice() {
        return KernelChoice.parse(kernel);
    }
}
