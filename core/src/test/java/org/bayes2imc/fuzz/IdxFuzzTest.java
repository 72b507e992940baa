package org.bayes2imc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bayes2imc.data.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bayes2imc.fuzz.FuzzContract.require;

/** IDX files (Fashion-MNIST), raw or gzip: images, labels and the cache verifier's header inspection. */
class IdxFuzzTest {

    @FuzzTest(maxDuration = "80s")
    void images(byte[] data) {
        Path f = FuzzFiles.write("images-idx3-ubyte", data);
        FuzzContract.check(f, () -> IdxReader.readImages(f), im -> {
            require(im.pixels().length == (long) im.count() * im.rows() * im.cols(), "pixel count");
            for (float p : im.pixels()) {
                require(p >= 0 && p <= 1, "pixel " + p + " outside [0, 1]");
            }
        });
    }

    @FuzzTest(maxDuration = "80s")
    void labels(byte[] data) {
        Path f = FuzzFiles.write("labels-idx1-ubyte", data);
        FuzzContract.check(f, () -> IdxReader.readLabels(f), labels -> {
            for (int l : labels) {
                require(l >= 0 && l <= 255, "label " + l);
            }
        });
    }

    @FuzzTest(maxDuration = "80s")
    void inspect(byte[] data) {
        Path f = FuzzFiles.write("inspect-idx-ubyte", data);
        FuzzContract.check(f, () -> IdxReader.inspect(f), info -> {
            require(info.dims().length >= 1 && info.dims().length <= 4, "dimension count");
            require(info.decompressedBytes() >= 4 + 4L * info.dims().length, "decompressed size");
        });
    }

    @Test
    // a parser looping forever on some mutant is a crash too; a separate thread, so that even a loop that ignores
    // interrupts fails the test (not on @FuzzTest: JUnit would time the whole fuzzing run)
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shortBudget() {
        assertThat(SeedMutator.fuzz(getClass(), "images", 16_11L, 1000, this::images)).isGreaterThan(1000);
        assertThat(SeedMutator.fuzz(getClass(), "labels", 16_12L, 1000, this::labels)).isGreaterThan(1000);
        assertThat(SeedMutator.fuzz(getClass(), "inspect", 16_13L, 1000, this::inspect)).isGreaterThan(1000);
    }
}
