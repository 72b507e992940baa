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

/** {@code bayes2imc bench --arch} end to end on a small network, and its bad input. */
class ArchBenchTest {
    @TempDir
    static Path dir;

    @Test
    void writesThroughputAgainstPytorchAndPeakMemory() {
        Path out = dir.resolve("arch");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "--arch", "fmnist-tiny", "--data-dir", TestData.dataDir().toString(),
                    "--arch-images", "8", "--bn-images", "8", "--samples", "2", "--repeats", "1", "--threads", "2",
                    "--chunk", "4", "--peak-seconds", "0.05", "--memory-deployments", "2", "--out", out.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).as(buf.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode r = Json.read(out.resolve("results.json"));
        assertThat(r.path("images").asInt()).isEqualTo(8);
        assertThat(r.path("probabilistic_row_fractions")).hasSize(4);
        for (String k : new String[] {"speedup_full", "speedup_ls_rs", "images_per_second_full", "peak_macs_per_second",
                "peak_heap_bytes", "peak_rss_bytes"}) {
            assertThat(r.path(k).asDouble(-1)).as(k).isPositive();
        }
        assertThat(r.path("peak_heap_bytes").asLong()).isLessThanOrEqualTo(r.path("max_heap_bytes").asLong());
        assertThat(r.path("ours_full").path("all")).hasSize(1);
        // the same weight draws on both sides, 8-bit activations: predictions agree almost everywhere
        assertThat(r.path("prediction_agreement_full_vs_pytorch").asDouble()).isGreaterThan(0.95);
    }

    @Test
    void badArchOptionsGiveOneLineErrors() {
        assertThat(error("bench", "--arch", "fmnist-tiny", "--model", "x.safetensors")).contains("--arch");
        assertThat(error("bench", "--arch", "fmnist-tiny", "--probabilistic-rows", "2")).contains("--probabilistic-rows");
        assertThat(error("bench", "--arch", "no-such-net")).contains("no-such-net");
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
