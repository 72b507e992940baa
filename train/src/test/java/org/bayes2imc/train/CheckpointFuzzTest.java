package org.bayes2imc.train;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bayes2imc.fuzz.FuzzContract;
import org.bayes2imc.fuzz.FuzzFiles;
import org.bayes2imc.fuzz.SeedMutator;
import org.bayes2imc.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bayes2imc.fuzz.FuzzContract.require;

/**
 * Training checkpoints (train --resume reads DIR/checkpoint.safetensors): the safetensors reader plus the
 * checkpoint's own metadata and tensor checks, against the tiny architecture its seeds were written for.
 */
class CheckpointFuzzTest {
    /** The network of the seed checkpoints: 1×4×4 input, conv 2, pool, FC 4, 2 classes (58 weights). */
    static final Architecture ARCH = Architecture.of("seed", "2-M:4", 1, 4, 4, 2);

    @FuzzTest(maxDuration = "80s")
    void checkpoint(byte[] data) {
        Path f = FuzzFiles.write("checkpoint/" + Checkpoint.FILE, data);
        FuzzContract.check(f, () -> Checkpoint.read(f.getParent(), ARCH), c -> {
            require(c.lambda().length == ARCH.weightCount() && c.momentum().length == ARCH.weightCount()
                    && c.mu().length == ARCH.weightCount(), "optimizer state size");
            require(c.bnMean().length == ARCH.depth() && c.bnVar().length == ARCH.depth(), "BatchNorm layers");
        });
    }

    @Test
    // a parser looping forever on some mutant is a crash too; a separate thread, so that even a loop that ignores
    // interrupts fails the test (not on @FuzzTest: JUnit would time the whole fuzzing run)
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shortBudget() {
        assertThat(SeedMutator.fuzz(getClass(), "checkpoint", 16_51L, 1000, this::checkpoint)).isGreaterThan(1000);
    }

    /** Writes the seed corpus: a tiny checkpoint from {@link Checkpoint#write} and a truncated copy. */
    public static void main(String[] args) throws IOException {
        int n = (int) ARCH.weightCount();
        float[] lam = new float[n];
        for (int i = 0; i < n; i++) {
            lam[i] = (i % 7 - 3) * 0.4f;
        }
        float[][] mean = new float[ARCH.depth()][];
        float[][] var = new float[ARCH.depth()][];
        for (int i = 0; i < ARCH.depth(); i++) {
            mean[i] = new float[ARCH.layer(i).outChannels()];
            var[i] = new float[ARCH.layer(i).outChannels()];
            Arrays.fill(var[i], 1.2f);
        }
        var info = new CheckpointInfo(TrainConfig.defaults(), 0, List.of(), 1, 12);
        Path tmp = Files.createTempDirectory("seed");
        new Checkpoint(lam, new float[n], lam.clone(), mean, var, info).write(tmp);
        byte[] b = Files.readAllBytes(tmp.resolve(Checkpoint.FILE));
        Path out = Files.createDirectories(Path.of(args[0], "org/bayes2imc/train/CheckpointFuzzTestInputs/checkpoint"));
        Files.write(out.resolve("tiny-checkpoint.safetensors"), b);
        Files.write(out.resolve("tiny-checkpoint-truncated.safetensors"), Arrays.copyOf(b, b.length / 2));
    }
}
