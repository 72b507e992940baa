package org.bayes2imc.cli;

import org.bayes2imc.data.Datasets;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {

    @Test
    void helpAndBadOptions(@TempDir Path dir) {
        assertThat(Main.execute("train", "--help")).isZero();
        assertThat(Main.execute("train", "--epochs", "0", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(Main.execute("train", "--data-dir", dir.toString(), "--out", dir.resolve("m.safetensors").toString()))
                .as("missing data files").isEqualTo(2);
    }

    @Test
    void trainsATinyNetworkOnARealSubsetAndResumes(@TempDir Path dir) {
        Path data = Datasets.defaultDataDir();
        Assumptions.assumeTrue(Files.isRegularFile(data.resolve("fashion-mnist/train-images-idx3-ubyte.gz")), "Fashion-MNIST not fetched");
        Path out = dir.resolve("tiny.safetensors");
        String[] args = {"train", "--arch", "fmnist-tiny", "--epochs", "1", "--limit", "600", "--calibration-samples", "3",
                "--out", out.toString(), "--checkpoint-dir", dir.resolve("cp").toString()};
        assertThat(Main.execute(args)).isZero();
        BbnnModel m = ModelFile.read(out);
        assertThat(m.metadata().path("training").path("epochs").asInt()).isEqualTo(1);
        assertThat(m.metadata().path("posterior").has("layers")).isTrue();
        assertThat(m.calibrationTemperature()).isPositive();
        assertThat(Files.isRegularFile(dir.resolve("cp/checkpoint.safetensors"))).isTrue();
        // resuming a finished run only recalibrates and rewrites the same λ
        String[] again = java.util.Arrays.copyOf(args, args.length + 1);
        again[args.length] = "--resume";
        assertThat(Main.execute(again)).isZero();
        assertThat(ModelFile.read(out).lambda(0)).containsExactly(m.lambda(0));
    }
}
