package org.bayes2imc.cli;

import org.bayes2imc.data.TestData;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.ModelFile;

import java.nio.file.Path;

/** A small fmnist-tiny model file (30 % probabilistic synapses, BatchNorm measured on real images) for command tests. */
final class TinyModelFile {
    private TinyModelFile() {
    }

    static Path write(Path dir) {
        Path file = dir.resolve("tiny.safetensors");
        ModelFile.write(file, HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.3, 5, TestData.fashionTrain(100)));
        return file;
    }
}
