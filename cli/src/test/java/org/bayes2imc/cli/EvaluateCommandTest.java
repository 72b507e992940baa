package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** End to end on real Fashion-MNIST images: a model with hand-set λ through `bayes2imc evaluate` to results.json. */
class EvaluateCommandTest {
    @TempDir
    static Path tmp;
    static Path dataDir;

    @BeforeAll
    static void findData() throws Exception {
        Path cache = Datasets.defaultDataDir();
        if (Files.isRegularFile(cache.resolve("fashion-mnist/t10k-images-idx3-ubyte.gz"))) {
            dataDir = cache;
            return;
        }
        // Fall back to the Debian package the data fetcher takes the files from (docs/MODEL.md §3).
        Path debs = Path.of("/work/cache/debs");
        Path deb = null;
        if (Files.isDirectory(debs)) {
            try (Stream<Path> s = Files.list(debs)) {
                deb = s.filter(p -> p.getFileName().toString().startsWith("dataset-fashion-mnist_")).findFirst().orElse(null);
            }
        }
        assumeTrue(deb != null, "no Fashion-MNIST data available");
        Path x = tmp.resolve("deb");
        Process p = new ProcessBuilder("dpkg-deb", "-x", deb.toString(), x.toString()).inheritIO().start();
        assumeTrue(p.waitFor() == 0, "dpkg-deb failed");
        dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir);
        Files.move(x.resolve("usr/share/datasets/fashion-mnist"), dataDir.resolve("fashion-mnist"));
    }

    /** fmnist-tiny with λ ~ N(0, 3²): about half the synapses probabilistic at ε = 0.01. */
    static Path handSetModel(String spec, Path file) {
        Architecture a = Architectures.parse(spec);
        BbnnModel m = BbnnModel.zeros(a);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < a.depth(); i++) {
            float[] lam = m.lambda(i);
            for (int j = 0; j < lam.length; j++) {
                lam[j] = (float) (3 * rng.nextGaussian());
            }
            java.util.Arrays.fill(m.bnVar(i), a.layer(i).fanIn());
        }
        m.metadata().putObject("normalisation").putArray("mean").add(0.286);
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.metadata().get("normalisation")).putArray("std").add(0.353);
        m.setCalibrationTemperature(2.0);
        ModelFile.write(file, m);
        return file;
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void evaluatesAndWritesResultsJson() throws IOException {
        Path model = handSetModel("fmnist-tiny", tmp.resolve("tiny.safetensors"));
        Path out = tmp.resolve("eval");
        Run r = run("evaluate", "--model", model.toString(), "--dataset", "fashion-mnist", "--limit", "150",
                "--samples", "3", "--ood", "fashion-mnist:test", "--seed", "4", "--threads", "2",
                "--data-dir", dataDir.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("accuracy").contains("ensemble").contains("prob. ε=0.01");
        JsonNode j = Json.read(out.resolve("results.json"));
        assertThat(j.at("/settings/samples").asInt()).isEqualTo(3);
        assertThat(j.at("/settings/images").asInt()).isEqualTo(150);
        assertThat(j.at("/settings/calibration_temperature").asDouble()).isEqualTo(2.0);
        for (String who : List.of("mode", "ensemble")) {
            JsonNode e = j.at("/software/" + who);
            for (String k : List.of("accuracy", "nll", "brier", "ece", "entropy_mean", "aleatoric_mean", "epistemic_mean",
                    "ood_auroc_entropy", "ood_aupr_entropy", "ood_fpr95_entropy", "ood_auroc_mi", "ood_aupr_mi",
                    "ood_fpr95_mi", "nll_calibrated", "ece_calibrated", "brier_calibrated")) {
                assertThat(e.get(k).isNumber()).as(who + "." + k).isTrue();
            }
            assertThat(e.get("accuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(e.get("ece").asDouble()).isBetween(0.0, 1.0);
            assertThat(e.get("reliability")).hasSize(15);
            // The OOD set here is the same images: detection is at chance, AUROC exactly ½ (every score tied).
            assertThat(e.get("ood_auroc_entropy").asDouble()).isEqualTo(0.5);
        }
        assertThat(j.at("/software/mode/epistemic_mean").asDouble()).isZero();
        assertThat(j.at("/software/ensemble/epistemic_mean").asDouble()).isPositive();
        JsonNode post = j.at("/software/posterior");
        // λ ~ N(0, 9): P(|λ| ≤ 2.2976) = 2Φ(0.766) − 1 ≈ 0.556
        assertThat(post.get("probabilistic_fraction").asDouble()).isBetween(0.53, 0.58);
        assertThat(post.get("layers")).hasSize(4);
        assertThat(post.get("layers").get(2).get("layer").asInt()).isEqualTo(2);
        assertThat(post.get("layers").get(2).get("synapses").asLong()).isEqualTo(784L * 32);
    }

    @Test
    void shapeMismatchIsAOneLineError() {
        Path model = handSetModel("custom:1x8x8:10:4-M:8", tmp.resolve("small.safetensors"));
        Run r = run("evaluate", "--model", model.toString(), "--limit", "5", "--data-dir", dataDir.toString(),
                "--out", tmp.resolve("bad").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("1x28x28").contains("1x8x8");
    }

    @Test
    void unavailableOodSetIsAOneLineError() {
        Path model = handSetModel("fmnist-tiny", tmp.resolve("tiny2.safetensors"));
        Run r = run("evaluate", "--model", model.toString(), "--limit", "5", "--ood", "no-such-set",
                "--data-dir", dataDir.toString(), "--out", tmp.resolve("bad2").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--ood no-such-set");
    }
}
