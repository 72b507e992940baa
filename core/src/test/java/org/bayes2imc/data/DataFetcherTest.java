package org.bayes2imc.data;

import org.bayes2imc.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetcher on a fresh cache seeded with the real python3-sklearn package (small) from the user's cache. */
class DataFetcherTest {
    @TempDir
    Path cache;

    private void seedSklearnDeb() throws IOException {
        Path debs = TestData.dataDir().resolve("debs");
        Files.createDirectories(cache.resolve("debs"));
        try (var s = Files.list(debs)) {
            for (Path d : s.filter(p -> p.getFileName().toString().startsWith("python3-sklearn_")).toList()) {
                Files.copy(d, cache.resolve("debs").resolve(d.getFileName()));
            }
        }
    }

    @Test
    void fetchIsIdempotentAndRepairsCorruptFiles() throws IOException {
        seedSklearnDeb();
        List<String> log = new ArrayList<>();
        DataFetcher f = new DataFetcher(cache, log::add);
        assertThat(f.list(false)).allMatch(s -> s.state() == DataFetcher.State.MISSING);
        assertThat(f.fetch("digits").didWork()).isTrue();
        assertThat(f.fetch("breast-cancer").didWork()).isTrue();
        assertThat(log).noneMatch(l -> l.contains("apt-get download"));
        assertThat(cache.resolve("pkgs/python3-sklearn")).doesNotExist();
        Path csv = cache.resolve("breast-cancer/breast_cancer.csv");
        long before = Files.getLastModifiedTime(csv).toMillis();
        log.clear();
        assertThat(f.fetch("breast-cancer").didWork()).isFalse();
        assertThat(log).singleElement().asString().contains("already verified");
        assertThat(Files.getLastModifiedTime(csv).toMillis()).isEqualTo(before);

        // Corrupt: drop the last row. The stamp no longer matches; list says so; fetch takes the file again.
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.subList(0, lines.size() - 1));
        assertThat(f.list(false)).filteredOn(s -> s.name().equals("breast-cancer")).singleElement()
                .extracting(DataFetcher.Status::state).isEqualTo(DataFetcher.State.UNVERIFIED);
        assertThatThrownBy(() -> BreastCancerCsv.read(csv)).isInstanceOf(InputException.class)
                .hasMessage(csv + ": header announces 569 rows but the file has 568");
        assertThat(f.fetch("breast-cancer").didWork()).isTrue();
        assertThat(BreastCancerCsv.read(csv).size()).isEqualTo(569);
        assertThat(f.list(true)).filteredOn(s -> !s.name().equals("fashion-mnist"))
                .allMatch(s -> s.state() == DataFetcher.State.VERIFIED);
    }

    @Test
    void unknownPackageGivesTheManualCommands() {
        DebianPackages p = new DebianPackages(cache, l -> { });
        assertThatThrownBy(() -> p.deb("no-such-package-bayes2imc"))
                .isInstanceOfSatisfying(PackageFetchException.class, e -> {
                    assertThat(e.getMessage()).startsWith("apt-get download no-such-package-bayes2imc failed");
                    assertThat(e.commands()).anyMatch(c -> c.contains("apt-get download no-such-package-bayes2imc"));
                    assertThat(e.commands()).anyMatch(c -> c.contains("dpkg-deb -x"));
                });
        assertThat(cache.resolve("debs")).isEmptyDirectory();
    }

    @Test
    void unknownNameAndMissingCacheAreOneLineErrors() {
        assertThatThrownBy(() -> new DataFetcher(cache, l -> { }).fetch("mnist"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fashion-mnist, digits, breast-cancer");
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", "train", cache)).isInstanceOf(InputException.class)
                .hasMessageContaining("data fetch fashion-mnist");
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", "valid", cache)).isInstanceOf(IllegalArgumentException.class);
    }
}
