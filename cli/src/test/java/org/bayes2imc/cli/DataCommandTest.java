package org.bayes2imc.cli;

import org.bayes2imc.data.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bayes2imc data ...} through {@link Main#execute} on a temporary cache seeded with the real packages. */
class DataCommandTest {
    @TempDir
    Path cache;

    private static CliRun run(String... args) {
        return CliRun.of(args);
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
        CliRun first = run("data", "fetch", "fashion-mnist", "digits", "breast-cancer", "--data-dir", dir);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("fashion-mnist: fetched and verified", "digits: fetched and verified",
                "breast-cancer: fetched and verified");
        assertThat(first.err()).doesNotContain("apt-get download").contains("dpkg-deb");
        Path images = cache.resolve("fashion-mnist/train-images-idx3-ubyte.gz");
        long mtime = Files.getLastModifiedTime(images).toMillis();

        CliRun second = run("data", "fetch", "all", "--data-dir", dir);
        assertThat(second.code()).isZero();
        assertThat(second.out().lines()).hasSize(3).allMatch(l -> l.contains("already verified, nothing to do"));
        assertThat(second.err()).doesNotContain("dpkg-deb", "verifying");
        assertThat(Files.getLastModifiedTime(images).toMillis()).isEqualTo(mtime);

        CliRun list = run("data", "list", "--verify", "--data-dir", dir);
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
        CliRun help = run("data", "fetch", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--data-dir", "fashion-mnist", "breast-cancer");
        assertThat(run("data", "list", "--help").out()).contains("--verify");
        CliRun bad = run("data", "fetch", "mnist", "--data-dir", cache.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("bayes2imc: error: unknown dataset 'mnist'").doesNotContain("\n");
        CliRun empty = run("data", "list", "--data-dir", cache.toString());
        assertThat(empty.out()).containsPattern("fashion-mnist +missing");
    }
}
