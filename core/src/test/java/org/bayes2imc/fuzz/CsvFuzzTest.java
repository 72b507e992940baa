package org.bayes2imc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bayes2imc.data.BreastCancerCsv;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.DigitsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bayes2imc.fuzz.FuzzContract.require;

/** The scikit-learn CSV files, raw or gzip: UCI digits and Wisconsin breast cancer. */
class CsvFuzzTest {

    @FuzzTest(maxDuration = "80s")
    void digits(byte[] data) {
        Path f = FuzzFiles.write("digits.csv.gz", data);
        FuzzContract.check(f, () -> DigitsCsv.read(f), d -> {
            valid(d);
            for (float p : d.features()) {
                require(p >= 0 && p <= 1, "pixel " + p);
            }
        });
    }

    @FuzzTest(maxDuration = "80s")
    void breastCancer(byte[] data) {
        Path f = FuzzFiles.write("breast_cancer.csv", data);
        FuzzContract.check(f, () -> BreastCancerCsv.read(f), d -> {
            valid(d);
            require(d.channels() == BreastCancerCsv.FEATURES, "feature count");
            for (float v : d.features()) {
                // parsed doubles can overflow the float features: a value past ±3.4e38 must be rejected, not kept as ∞
                require(Float.isFinite(v), "feature " + v);
            }
        });
    }

    private static void valid(Dataset d) {
        require(d.size() > 0, "empty dataset");
        for (int l : d.labels()) {
            require(l >= 0 && l < d.classes(), "label " + l);
        }
    }

    @Test
    // a parser looping forever on some mutant is a crash too; a separate thread, so that even a loop that ignores
    // interrupts fails the test (not on @FuzzTest: JUnit would time the whole fuzzing run)
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shortBudget() {
        assertThat(SeedMutator.fuzz(getClass(), "digits", 16_31L, 1000, this::digits)).isGreaterThan(1000);
        assertThat(SeedMutator.fuzz(getClass(), "breastCancer", 16_32L, 1000, this::breastCancer)).isGreaterThan(1000);
    }
}
