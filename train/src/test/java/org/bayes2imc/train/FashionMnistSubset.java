package org.bayes2imc.train;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real Fashion-MNIST training split from the data cache, loaded once per test JVM. */
final class FashionMnistSubset {
    private static Dataset train;

    private FashionMnistSubset() {
    }

    static synchronized Dataset train() {
        Path dir = Datasets.defaultDataDir();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("fashion-mnist/train-images-idx3-ubyte.gz")),
                "Fashion-MNIST not in " + dir + " (run: bayes2imc data fetch fashion-mnist)");
        if (train == null) {
            train = Datasets.load("fashion-mnist", "train", dir);
        }
        return train;
    }
}
