package org.bayes2imc.report;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bayes2imc.fuzz.FuzzContract;
import org.bayes2imc.fuzz.FuzzFiles;
import org.bayes2imc.fuzz.SeedMutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bayes2imc.fuzz.FuzzContract.require;

/**
 * results.json as the report command reads it: the whole of {@link ReportBuilder#build} (reader, figures, tables,
 * CSV files, HTML), since every section is optional and each drawing step consumes what the reader let through.
 */
class ResultsJsonFuzzTest {

    @FuzzTest(maxDuration = "80s")
    void results(byte[] data) {
        Path f = FuzzFiles.write("report/" + ReportBuilder.RESULTS_FILE, data);
        FuzzContract.check(f, () -> ReportBuilder.build(f.getParent()),
                report -> require(Files.isRegularFile(report), "report.html was not written"));
    }

    /** Rendering charts costs milliseconds per input, so the build's budget is a few hundred mutants. */
    @Test
    // a parser looping forever on some mutant is a crash too; a separate thread, so that even a loop that ignores
    // interrupts fails the test (not on @FuzzTest: JUnit would time the whole fuzzing run)
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shortBudget() {
        assertThat(SeedMutator.fuzz(getClass(), "results", 16_61L, 150, this::results)).isGreaterThan(150);
    }

    /** Writes the seed corpus: the complete and the partial fixture, and an empty object. */
    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0], "org/bayes2imc/report/ResultsJsonFuzzTestInputs/results"));
        Path tmp = Files.createTempDirectory("seed");
        Files.copy(ResultsFixture.writeComplete(tmp), out.resolve("complete.json"));
        Files.copy(ResultsFixture.writePartial(tmp), out.resolve("partial.json"));
        Files.write(out.resolve("empty-object.json"), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
