package org.bayes2imc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bayes2imc.hardware.Component;
import org.bayes2imc.hardware.ComponentLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bayes2imc.fuzz.FuzzContract.require;

/** The PPA component library (ppa --components FILE), as YAML and as JSON (the suffix picks the parser). */
class ComponentsFuzzTest {

    @FuzzTest(maxDuration = "80s")
    void yaml(byte[] data) {
        Path f = FuzzFiles.write("components.yaml", data);
        FuzzContract.check(f, () -> ComponentLibrary.load(f), ComponentsFuzzTest::valid);
    }

    @FuzzTest(maxDuration = "80s")
    void json(byte[] data) {
        Path f = FuzzFiles.write("components.json", data);
        FuzzContract.check(f, () -> ComponentLibrary.load(f), ComponentsFuzzTest::valid);
    }

    private static void valid(ComponentLibrary lib) {
        require(!lib.entries().isEmpty(), "empty library");
        for (Component c : lib.entries()) {
            require(Double.isFinite(c.energyPj()) && c.energyPj() >= 0 && c.nodeNm() > 0, c.name() + " figures");
        }
    }

    @Test
    // a parser looping forever on some mutant is a crash too; a separate thread, so that even a loop that ignores
    // interrupts fails the test (not on @FuzzTest: JUnit would time the whole fuzzing run)
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shortBudget() {
        assertThat(SeedMutator.fuzz(getClass(), "yaml", 16_41L, 800, this::yaml)).isGreaterThan(800);
        assertThat(SeedMutator.fuzz(getClass(), "json", 16_42L, 800, this::json)).isGreaterThan(800);
    }
}
