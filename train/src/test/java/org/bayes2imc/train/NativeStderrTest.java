package org.bayes2imc.train;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libtorch writes its warnings straight to file descriptor 2, past System.err, so only a child process shows them:
 * an optimizer update must not print "AutoNonVariableTypeMode is deprecated" (DJL's copyTo did, once per process).
 */
class NativeStderrTest {
    @Test
    void anUpdatePrintsNoLibtorchWarning() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.log.ai.djl=error",
                "-cp", System.getProperty("java.class.path"), QuietUpdateMain.class.getName())
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("updated 2.5");
        assertThat(err).doesNotContain("AutoNonVariableTypeMode").doesNotContain("Warning:");
    }
}
