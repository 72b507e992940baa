package org.bayes2imc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The output lock between real processes, including one killed with SIGKILL, and the OS reasons in messages. */
class OutputDirTest {
    @TempDir
    Path dir;

    @AfterEach
    void release() {
        OutputDir.releaseAll();
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstRunsAndNotAfterItIsKilled() throws Exception {
        Path out = dir.resolve("out");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutputLockHolder.class.getName(), out.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(r.readLine()).isEqualTo("claimed");
            assertThatThrownBy(() -> OutputDir.claim("--out", out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--out " + out + ": another bayes2imc run is writing there (it holds .bayes2imc.lock); "
                            + "wait for it to finish or choose another --out");
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup, the lock file stays behind
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(out.resolve(OutputDir.LOCK_FILE)).exists();
        assertThat(OutputDir.claim("--out", out)).isEqualTo(out); // the kernel dropped the dead process's lock
    }

    @Test
    void anOutputUnderAFileNamesTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> OutputDir.claim("--out", file.resolve("sub")))
                .hasMessage("--out " + file.resolve("sub") + ": cannot create the directory (Not a directory)");
    }

    @Test
    void reasonsAreTheOperatingSystemsWords() {
        assertThat(OutputDir.reason(new FileSystemException("/x", null, "Read-only file system"))).isEqualTo("Read-only file system");
        assertThat(OutputDir.reason(new AccessDeniedException("/x"))).isEqualTo("Permission denied");
    }

    @Test
    void theSameDirectoryCanBeClaimedAgainAfterARun() {
        Path out = dir.resolve("again");
        OutputDir.claim("--out", out);
        assertThatThrownBy(() -> OutputDir.claim("--out", out)).hasMessageContaining("another bayes2imc run");
        OutputDir.releaseAll();
        assertThat(OutputDir.claim("--out", out)).isEqualTo(out);
    }
}
