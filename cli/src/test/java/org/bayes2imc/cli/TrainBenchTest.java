package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.data.TestData;
import org.bayes2imc.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bayes2imc bench --train} end to end on the tiny network (its bookkeeping, not its speed), and bad input. */
class TrainBenchTest {
    @TempDir
    static Path dir;

    @Test
    void writesBothPathsTheFusedVariantAndTheProfile() {
        Path out = dir.resolve("train");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "--train", "--train-arch", "fmnist-tiny", "--train-images", "100",
                    "--train-warmup", "1", "--train-fused-bn", "--repeats", "1", "--threads", "1",
                    "--data-dir", TestData.dataDir().toString(), "--out", out.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).as(buf.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode r = Json.read(out.resolve("results.json")).path("train");
        assertThat(r.path("steps_per_pass").asInt()).isEqualTo(2);
        for (String path : new String[] {"ours", "plain_adam", "ours_fused_batch_norm"}) {
            assertThat(r.path(path).path("seconds")).as(path).hasSize(1);
            assertThat(r.path(path).path("images_per_second").asDouble()).as(path).isPositive();
        }
        assertThat(r.path("ours_millis_per_step").path("backward").asDouble()).isPositive();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("plain / BayesBiNN");
    }

    @Test
    void badTrainOptionsGiveOneLineErrors() {
        assertThat(error("bench", "--train", "--model", "x.safetensors")).contains("--train");
        assertThat(error("bench", "--train", "--train-images", "0")).contains("--train-images");
    }

    private static String error(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text).hasLineCount(1);
        return text;
    }
}
