package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.bench.BenchModels;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.train.dense.PytorchDenseEmulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code bayes2imc bench} end to end (small and fast) and the claim it rests on: the dense emulation, given
 * {@link BenchCommand#deploymentDraw}, computes the simulator's own member logits (same weight samples).
 */
class BenchCommandTest {
    @TempDir
    static Path dir;
    static Path model;
    static BbnnModel m;
    static String data;

    @BeforeAll
    static void model() {
        data = TestData.dataDir().toString();
        m = BenchModels.of(Architectures.parse(Architectures.FMNIST_TINY), new double[] {0.1, 0.1, 0.4, 0.4}, 3,
                TestData.fashionTrain(100));
        model = dir.resolve("tiny.safetensors");
        ModelFile.write(model, m);
    }

    @Test
    void denseEmulationReproducesTheDeployedCoresLogits() {
        Dataset test = TestData.fashionTest(80);
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(3).withThreads(2)
                .withActivationBits(0).withChunkImages(32).withSparsity(SparsityMode.NONE).withSeed(9);
        BenchCommand.Prepared p = BenchCommand.prepare(m, o, test);
        float[] x = ModelInputs.normalised(m, test);
        float[][] ours = p.core().logits(x, test.size(), 3, null);
        float[][] torch = new PytorchDenseEmulation(m.architecture(), BatchNormStats.of(m), null, 32)
                .memberLogits(BenchCommand.deploymentDraw(p.core(), 9, 0, o.seconds()), x, test.size(), 3);
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < ours[s].length; i++) {
                assertThat(torch[s][i]).as("member %d logit %d", s, i)
                        .isCloseTo(ours[s][i], within(1e-4f * (1 + Math.abs(ours[s][i]))));
            }
        }
        assertThat(ours[0]).isNotEqualTo(ours[1]); // members do differ
    }

    @Test
    void writesTheBenchSection() {
        Path out = dir.resolve("out");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "--model", model.toString(), "--data-dir", data, "--limit", "96",
                    "--samples", "2", "--repeats", "2", "--threads", "2", "--chunk", "32", "--peak-seconds", "0.05",
                    "--scaling", "--scaling-limit", "32", "--out", out.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).as(buf.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode b = Json.read(out.resolve("results.json")).path("bench");
        for (String k : new String[] {"ours_full_seconds", "ours_ls_rs_seconds", "pytorch_dense_seconds", "speedup_full",
                "speedup_ls_rs", "peak_gflops", "popcount_g_binary_macs_per_second"}) {
            assertThat(b.path(k).asDouble(-1)).as(k).isPositive();
        }
        assertThat(b.path("ours_full_seconds_min").asDouble()).isLessThanOrEqualTo(b.path("ours_full_seconds").asDouble());
        assertThat(b.path("peak_fraction").asDouble(-1)).isBetween(0.0, 1.0);
        // 8-bit activations on both sides, same weights: predictions agree almost everywhere
        assertThat(b.path("prediction_agreement_full_vs_pytorch").asDouble()).isGreaterThan(0.95);
        JsonNode root = Json.read(out.resolve("results.json"));
        assertThat(root.path("settings").path("machine").path("cores").asInt()).isPositive();
        assertThat(root.path("scaling").path("samples")).hasSize(3);
        assertThat(root.path("scaling").path("deployments")).hasSize(3);
    }

    @Test
    void badOptionsGiveOneLineErrors() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "--model", model.toString(), "--repeats", "0");
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--repeats").hasLineCount(1);
    }
}
