package org.bayes2imc.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress written to a log: plain lines at each 10 % or 10 s, never a carriage return or an escape code. */
class PlainProgressTest {
    @Test
    void linesAtEveryTenthAndEveryTenSecondsWithoutControlCharacters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (PlainProgress p = new PlainProgress(out, "deploy", 1000, now::get)) {
            for (int i = 0; i < 1000; i++) {
                now.addAndGet(1_000_000); // 1 ms per step: the tenths come first
                p.step(1);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(text.lines()).hasSize(10).first().asString().startsWith("deploy:  10 % (100/1000), 0 s, ETA 1 s");
        assertThat(text.lines()).last().asString().startsWith("deploy: 100 % (1000/1000)");

        bytes.reset();
        try (PlainProgress p = new PlainProgress(out, "slow", 1000, now::get)) {
            now.addAndGet(PlainProgress.INTERVAL_NANOS);
            p.step(1); // 0.1 % but 10 s passed: one line
            p.step(1); // no new tenth, no time passed: silent
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(2) // the 10 s line and the closing line
                .first().asString().startsWith("slow:   0 % (1/1000), 10 s");
    }

    @Test
    void notATerminalWhenTheLauncherSaysSoOrStderrIsReplaced() {
        // under the test runner stderr is a pipe: the plain form must be chosen
        assertThat(ConsoleProgress.stderrIsTerminal()).isFalse();
    }
}
