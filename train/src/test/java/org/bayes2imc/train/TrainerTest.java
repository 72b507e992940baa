package org.bayes2imc.train;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trains the tiny network on small real Fashion-MNIST subsets (seconds each). */
class TrainerTest {

    private static TrainConfig tiny(int epochs, int limit) {
        return new TrainConfig("fmnist-tiny", "fashion-mnist", epochs, 50, 7, 0.1, limit, 10, BayesBiNNConfig.defaults());
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) {
        Dataset full = FashionMnistSubset.train();
        TrainConfig cfg = tiny(2, 1000);
        TrainResult straight = new Trainer(cfg, null, null).train(full, dir.resolve("a"), false);
        assertThat(new Trainer(cfg, null, null).train(full, dir.resolve("b"), false, 1)).isNull(); // "killed" after epoch 1
        TrainResult resumed = new Trainer(cfg, null, null).train(full, dir.resolve("b"), true);
        BbnnModel a = straight.model();
        BbnnModel b = resumed.model();
        for (int i = 0; i < a.architecture().depth(); i++) {
            assertThat(b.lambda(i)).as("λ of layer %d", i).containsExactly(a.lambda(i));
            assertThat(b.bnMean(i)).containsExactly(a.bnMean(i));
            assertThat(b.bnVar(i)).containsExactly(a.bnVar(i));
        }
        assertThat(resumed.calibrationTemperature()).isEqualTo(straight.calibrationTemperature());
        // the model's history covers the epochs before the interruption too (found by KillResumeIT: it held only the
        // resumed process's epochs); wall-clock fields aside, the rows are the uninterrupted run's
        assertThat(b.metadata().path("history")).hasSize(2);
        for (int e = 0; e < 2; e++) {
            var ra = ((com.fasterxml.jackson.databind.node.ObjectNode) a.metadata().path("history").get(e).deepCopy())
                    .without(java.util.List.of("seconds", "images_per_second"));
            var rb = ((com.fasterxml.jackson.databind.node.ObjectNode) b.metadata().path("history").get(e).deepCopy())
                    .without(java.util.List.of("seconds", "images_per_second"));
            assertThat(rb).as("history row %d", e).isEqualTo(ra);
        }
    }

    @Test
    void resumeRejectsACheckpointOfOtherSettings(@TempDir Path dir) {
        Dataset full = FashionMnistSubset.train();
        new Trainer(tiny(2, 600), null, null).train(full, dir, false, 1);
        TrainConfig other = tiny(3, 600);
        assertThatThrownBy(() -> new Trainer(other, null, null).train(full, dir, true))
                .hasMessageContaining("different settings");
    }

    /** Issue 9: with the default settings and a fixed seed the posterior is neither collapsed nor diffuse. */
    @Test
    void tinyNetworkLearnsAGenuinelyBayesianPosterior(@TempDir Path dir) {
        Dataset full = FashionMnistSubset.train();
        TrainResult r = new Trainer(tiny(2, 4000), null, null).train(full, null, false);
        double fraction = r.posterior().fraction01();
        System.out.printf("tiny posterior: fraction %.4f, validation ensemble accuracy %.4f, T %.3f%n", fraction,
                r.validationEnsembleAccuracy(), r.calibrationTemperature());
        assertThat(fraction).as("probabilistic fraction (ε = 0.01)").isGreaterThan(0.0).isLessThan(0.5);
        // 400 validation images; chance is 10 %, a 4000-image tiny BBNN reaches ~75 %
        assertThat(r.validationEnsembleAccuracy()).isGreaterThan(0.6);
        assertThat(r.calibrationTemperature()).isBetween(0.01, 100.0);
        // the model file round-trips with its metadata
        Path f = dir.resolve("m.safetensors");
        ModelFile.write(f, r.model());
        BbnnModel back = ModelFile.read(f);
        assertThat(back.calibrationTemperature()).isEqualTo(r.calibrationTemperature());
        assertThat(back.metadata().path("normalisation").path("mean").size()).isEqualTo(1);
        assertThat(back.metadata().path("posterior").path("probabilistic_fraction").asDouble()).isEqualTo(fraction);
        assertThat(back.lambda(2)).containsExactly(r.model().lambda(2));
    }
}
