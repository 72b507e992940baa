package org.bayes2imc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bayes2imc.data.CifarReader;
import org.bayes2imc.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bayes2imc.fuzz.FuzzContract.require;

/** CIFAR-10 / CIFAR-100 binary batches. */
class CifarFuzzTest {

    @FuzzTest(maxDuration = "80s")
    void cifar10(byte[] data) {
        Path f = FuzzFiles.write("data_batch_1.bin", data);
        FuzzContract.check(f, () -> CifarReader.read(List.of(f), CifarReader.Format.CIFAR10, CifarReader.Labels.FINE, "fuzz"),
                d -> valid(d, 10));
    }

    @FuzzTest(maxDuration = "80s")
    void cifar100(byte[] data) {
        Path f = FuzzFiles.write("train.bin", data);
        FuzzContract.check(f, () -> CifarReader.read(List.of(f), CifarReader.Format.CIFAR100, CifarReader.Labels.FINE, "fuzz"),
                d -> valid(d, 100));
        FuzzContract.check(f, () -> CifarReader.read(List.of(f), CifarReader.Format.CIFAR100, CifarReader.Labels.COARSE, "fuzz"),
                d -> valid(d, 20));
    }

    private static void valid(Dataset d, int classes) {
        require(d.classes() == classes && d.size() > 0, "class count or size");
        for (int l : d.labels()) {
            require(l >= 0 && l < classes, "label " + l);
        }
    }

    @Test
    // a parser looping forever on some mutant is a crash too; a separate thread, so that even a loop that ignores
    // interrupts fails the test (not on @FuzzTest: JUnit would time the whole fuzzing run)
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shortBudget() {
        assertThat(SeedMutator.fuzz(getClass(), "cifar10", 16_21L, 800, this::cifar10)).isGreaterThan(800);
        assertThat(SeedMutator.fuzz(getClass(), "cifar100", 16_22L, 800, this::cifar100)).isGreaterThan(800);
    }
}
