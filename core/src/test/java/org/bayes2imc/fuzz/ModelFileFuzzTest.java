package org.bayes2imc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;
import org.bayes2imc.model.ModelFile;
import org.bayes2imc.model.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bayes2imc.fuzz.FuzzContract.require;

/**
 * Model files (safetensors): the generic reader and the BBNN mapping on top of it (--model of every command).
 * Seeds: tiny models written by the project's own writer, an F16/BF16/F64 file, truncations.
 */
class ModelFileFuzzTest {

    @FuzzTest(maxDuration = "80s")
    void safetensors(byte[] data) {
        Path f = FuzzFiles.write("fuzz.safetensors", data);
        FuzzContract.check(f, () -> SafetensorsFile.read(f), c -> c.tensors().forEach((name, t) -> {
            long n = 1;
            for (long d : t.shape()) {
                require(d >= 0, name + " has a negative dimension");
                n *= d;
            }
            require(n == t.data().length, name + " holds " + t.data().length + " values for its shape");
        }));
    }

    @FuzzTest(maxDuration = "80s")
    void model(byte[] data) {
        Path f = FuzzFiles.write("model.safetensors", data);
        FuzzContract.check(f, () -> ModelFile.read(f), (BbnnModel m) -> {
            for (int i = 0; i < m.architecture().depth(); i++) {
                LayerSpec l = m.architecture().layer(i);
                require(m.lambda(i).length == l.weightCount(), l.name() + " λ count");
                require(m.bnMean(i).length == l.outChannels() && m.bnVar(i).length == l.outChannels(), l.name() + " BN size");
            }
        });
    }

    /** The fixed short budget of every build: seeded mutants of the same corpus, no agent needed. */
    @Test
    // a parser looping forever on some mutant is a crash too; a separate thread, so that even a loop that ignores
    // interrupts fails the test (not on @FuzzTest: JUnit would time the whole fuzzing run)
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shortBudget() {
        assertThat(SeedMutator.fuzz(getClass(), "safetensors", 16_01L, 1000, this::safetensors)).isGreaterThan(1000);
        assertThat(SeedMutator.fuzz(getClass(), "model", 16_02L, 1000, this::model)).isGreaterThan(1000);
    }
}
