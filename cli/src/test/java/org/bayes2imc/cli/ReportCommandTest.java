package org.bayes2imc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void rebuildsTheReportFromResultsJson() throws IOException {
        Files.writeString(dir.resolve("results.json"), """
                {"schema_version": 1, "command": "deploy", "settings": {"samples": 10, "deployments": 2},
                 "hardware": {"deployments": 2, "accuracy": {"mean": 0.87, "std": 0.01, "min": 0.86, "max": 0.88},
                   "per_deployment": [{"accuracy": 0.86, "ece": 0.03}, {"accuracy": 0.88, "ece": 0.02}]}}
                """);
        assertThat(run("report", dir.toString())).isZero();
        Path report = dir.resolve("report.html");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(report.toAbsolutePath().toString());
        String html = Files.readString(report);
        assertThat(html).contains("87.00 \u00b1 1.00 %", "data:image/png;base64,");
        assertThat(dir.resolve("hardware_deployments.csv")).isRegularFile();
    }

    @Test
    void missingResultsIsAOneLineErrorNamingTheFile() {
        assertThat(run("report", dir.toString())).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).contains(dir.resolve("results.json").toString()).contains("not found");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void malformedResultsIsAOneLineErrorNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("results.json"), "{\"software\": [");
        assertThat(run("report", dir.toString())).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).contains(dir.resolve("results.json").toString()).contains("malformed");
    }
}
