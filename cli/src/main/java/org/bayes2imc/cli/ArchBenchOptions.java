package org.bayes2imc.cli;

import picocli.CommandLine.Option;

/** {@code bench --arch}'s options: a named network on a synthetic posterior instead of a trained model file. */
final class ArchBenchOptions {
    @Option(names = "--arch", paramLabel = "NAME[:CLASSES]",
            description = "bench a named network (e.g. vgg-binaryconnect:10, vgg-binaryconnect:100) on a synthetic "
                    + "posterior and Fashion-MNIST padded/replicated to its input shape, instead of --model")
    String arch;
    @Option(names = "--probabilistic-rows", paramLabel = "F|F1,F2,...",
            description = "with --arch: share of each layer's fan-in rows holding probabilistic synapses (half of each "
                    + "such row), one value or one per layer (default: conv 0, FC 0.2)")
    String probabilisticRows;
    @Option(names = "--arch-images", defaultValue = "16",
            description = "with --arch: test images timed (default: ${DEFAULT-VALUE})")
    int images;
    @Option(names = "--bn-images", defaultValue = "32",
            description = "with --arch: training images the synthetic BatchNorm statistics are measured on (default: ${DEFAULT-VALUE})")
    int bnImages;
    @Option(names = "--memory-deployments", defaultValue = "10",
            description = "with --arch: deployments K programmed and evaluated one after another at S samples for the "
                    + "peak-memory figure, 0 = skip (default: ${DEFAULT-VALUE})")
    int memoryDeployments;

    boolean requested() {
        return arch != null;
    }
}
