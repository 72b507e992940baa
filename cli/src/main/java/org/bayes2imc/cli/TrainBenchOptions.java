package org.bayes2imc.cli;

import picocli.CommandLine.Option;

/** {@code bench --train}'s options: training throughput of the default model instead of deployment throughput. */
final class TrainBenchOptions {
    @Option(names = "--train",
            description = "bench training instead of deployment: BayesBiNN steps of the default model against a plain "
                    + "DJL Trainer + Adam loop of the same network on the same Fashion-MNIST training images")
    boolean train;
    @Option(names = "--train-images", defaultValue = "3000",
            description = "with --train: training images per timed pass (the first N of the training split; default: ${DEFAULT-VALUE})")
    int images;
    @Option(names = "--train-warmup", defaultValue = "5",
            description = "with --train: untimed steps per path before the timed passes (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--train-arch", defaultValue = "fmnist-small",
            description = "with --train: network (default: ${DEFAULT-VALUE}, the demo's)")
    String arch;

    @Option(names = "--train-fused-bn",
            description = "with --train: also time our step with PyTorch's fused BatchNorm kernel (trains to other bits, "
                    + "so train does not use it)")
    boolean fusedBatchNorm;

    boolean requested() {
        return train;
    }
}
