package org.bayes2imc.data;

import org.bayes2imc.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CifarReaderTest {
    @TempDir
    Path tmp;

    /** Records whose red plane is 10+k, green 20+k, blue 30+k, except pixel (row 1, col 2) of red = 255. */
    static byte[] records(int labelBytes, int[][] labels) {
        int rec = labelBytes + 3072;
        byte[] b = new byte[labels.length * rec];
        for (int k = 0; k < labels.length; k++) {
            int off = k * rec;
            for (int j = 0; j < labelBytes; j++) {
                b[off + j] = (byte) labels[k][j];
            }
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 1024; i++) {
                    b[off + labelBytes + c * 1024 + i] = (byte) (10 * (c + 1) + k);
                }
            }
            b[off + labelBytes + 32 + 2] = (byte) 255;
        }
        return b;
    }

    @Test
    void cifar10LabelsAndPlaneOrder() throws IOException {
        Path f = Files.write(tmp.resolve("test_batch.bin"), records(1, new int[][]{{3}, {9}}));
        Dataset d = CifarReader.load(tmp, CifarReader.Format.CIFAR10, "test", CifarReader.Labels.FINE);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.labels()).containsExactly(3, 9);
        assertThat(d.classes()).isEqualTo(10);
        assertThat(d.channels()).isEqualTo(3);
        float[] x = d.features();
        assertThat(x[0]).isEqualTo(10 / 255f);                 // sample 0, red
        assertThat(x[1024]).isEqualTo(20 / 255f);              // sample 0, green
        assertThat(x[2048 + 5]).isEqualTo(30 / 255f);          // sample 0, blue
        assertThat(x[32 + 2]).isEqualTo(1f);                   // red (row 1, col 2)
        assertThat(x[3072 + 2048]).isEqualTo(31 / 255f);       // sample 1, blue
        assertThat(f).exists();
    }

    @Test
    void cifar10TrainConcatenatesFiveBatches() throws IOException {
        for (int i = 1; i <= 5; i++) {
            Files.write(tmp.resolve("data_batch_" + i + ".bin"), records(1, new int[][]{{i}}));
        }
        Dataset d = CifarReader.load(tmp, CifarReader.Format.CIFAR10, "train", CifarReader.Labels.FINE);
        assertThat(d.labels()).containsExactly(1, 2, 3, 4, 5);
        assertThat(Datasets.load("cifar10:" + tmp, "train", tmp).size()).isEqualTo(5);
    }

    @Test
    void cifar100FineByDefaultCoarseOnRequest() throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("cifar-100-binary"));
        Files.write(sub.resolve("train.bin"), records(2, new int[][]{{4, 72}, {19, 99}}));
        Dataset fine = Datasets.load("cifar100:" + tmp, "train", tmp);
        assertThat(fine.labels()).containsExactly(72, 99);
        assertThat(fine.classes()).isEqualTo(100);
        assertThat(fine.features()[0]).isEqualTo(10 / 255f);
        Dataset coarse = Datasets.load("cifar100-coarse:" + tmp, "train", tmp);
        assertThat(coarse.labels()).containsExactly(4, 19);
        assertThat(coarse.classes()).isEqualTo(20);
    }

    @Test
    void wrongRecordSizeOrLabelOrMissingFileIsNamed() throws IOException {
        Path odd = Files.write(tmp.resolve("odd.bin"), new byte[3073 * 2 + 1]);
        assertThatThrownBy(() -> CifarReader.read(List.of(odd), CifarReader.Format.CIFAR10, CifarReader.Labels.FINE, "x"))
                .isInstanceOf(InputException.class).hasMessageStartingWith(odd + ": size 6147 bytes is not a whole number");
        // A CIFAR-100 file read as CIFAR-10: 3074-byte records do not divide by 3073.
        Path c100 = Files.write(tmp.resolve("c100.bin"), records(2, new int[][]{{1, 2}}));
        assertThatThrownBy(() -> CifarReader.read(List.of(c100), CifarReader.Format.CIFAR10, CifarReader.Labels.FINE, "x"))
                .isInstanceOf(InputException.class).hasMessageStartingWith(c100.toString());
        Path badLabel = Files.write(tmp.resolve("bad.bin"), records(1, new int[][]{{10}}));
        assertThatThrownBy(() -> CifarReader.read(List.of(badLabel), CifarReader.Format.CIFAR10, CifarReader.Labels.FINE, "x"))
                .isInstanceOf(InputException.class).hasMessageContaining("label 10");
        assertThatThrownBy(() -> Datasets.load("cifar10:" + tmp.resolve("none"), "test", tmp))
                .isInstanceOf(InputException.class).hasMessageContaining("not found");
    }
}
