package org.bayes2imc.cli;

import org.bayes2imc.data.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bayes2imc data ...} through {@link Main#execute} on a temporary cache seeded with the real packages. */
class DataCommandTest {
    @TempDir
    Path cache;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void fetchTwiceSecondRunDoesNoWork() throws IOException {
        Path debs = Files.createDirectories(cache.resolve("debs"));
        try (Stream<Path> s = Files.list(TestData.dataDir().resolve("debs"))) {
            for (Path d : s.filter(p -> p.toString().endsWith(".deb")).toList()) {
                Files.copy(d, debs.resolve(d.getFileName()));
            }
        }
        String dir = cache.toString();
        Run first = run("data", "fetch", "fashion-mnist", "digits", "breast-cancer", "--data-dir", dir);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("fashion-mnist: fetched and verified", "digits: fetched and verified",
                "breast-cancer: fetched and verified");
        assertThat(first.err()).doesNotContain("apt-get download").contains("dpkg-deb");
        Path images = cache.resolve("fashion-mnist/train-images-idx3-ubyte.gz");
        long mtime = Files.getLastModifiedTime(images).toMillis();

        Run second = run("data", "fetch", "all", "--data-dir", dir);
        assertThat(second.code()).isZero();
        assertThat(second.out().lines()).hasSize(3).allMatch(l -> l.contains("already verified, nothing to do"));
        assertThat(second.err()).doesNotContain("dpkg-deb", "verifying");
        assertThat(Files.getLastModifiedTime(images).toMillis()).isEqualTo(mtime);

        Run list = run("data", "list", "--verify", "--data-dir", dir);
        assertThat(list.code()).isZero();
        assertThat(list.out()).containsPattern("fashion-mnist +verified").containsPattern("digits +verified")
                .containsPattern("breast-cancer +verified");

        // A truncated file: list reports it, loading names it, exit 2.
        byte[] b = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(b, b.length / 2));
        assertThat(run("data", "list", "--data-dir", dir).out()).containsPattern("fashion-mnist +unverified");
    }

    @Test
    void helpAndErrors() {
        assertThat(run("data", "--help").out()).contains("fetch", "list");
        Run help = run("data", "fetch", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--data-dir", "fashion-mnist", "breast-cancer");
        assertThat(run("data", "list", "--help").out()).contains("--verify");
        Run bad = run("data", "fetch", "mnist", "--data-dir", cache.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("bayes2imc: error: unknown dataset 'mnist'").doesNotContain("\n");
        Run empty = run("data", "list", "--data-dir", cache.toString());
        assertThat(empty.out()).containsPattern("fashion-mnist +missing");
    }
}
