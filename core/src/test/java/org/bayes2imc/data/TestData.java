package org.bayes2imc.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Real data for the tests of every module (core's test-jar): the Debian-packaged Fashion-MNIST, digits and
 * breast-cancer sets, fetched once into the user's data cache ($BAYES2IMC_DATA_DIR or ~/.cache/bayes2imc/data)
 * by {@link DataFetcher}. Debian packages found in $BAYES2IMC_TEST_DEBS (default /work/cache/debs) are copied into
 * the cache first so that a machine which already has them does not download them again.
 */
public final class TestData {
    private static Path dir;
    private static Dataset digits;

    private TestData() {
    }

    /** The data cache with fashion-mnist, digits and breast-cancer fetched and verified. */
    public static synchronized Path dataDir() {
        if (dir == null) {
            Path d = Datasets.defaultDataDir();
            seedDebs(d.resolve("debs"));
            DataFetcher f = new DataFetcher(d, System.err::println);
            for (String name : CachedDataset.names()) {
                f.fetch(name);
            }
            dir = d;
        }
        return dir;
    }

    /** The first n Fashion-MNIST training images (1×28×28, [0, 1]). */
    public static Dataset fashionTrain(int n) {
        return Datasets.load("fashion-mnist", "train", dataDir(), n);
    }

    /** The first n Fashion-MNIST test images. */
    public static Dataset fashionTest(int n) {
        return Datasets.load("fashion-mnist", "test", dataDir(), n);
    }

    /** All 1,797 digits resampled to 1×28×28 (the out-of-distribution set). */
    public static synchronized Dataset digits() {
        if (digits == null) {
            digits = Datasets.load("digits", "all", dataDir());
        }
        return digits;
    }

    /** The local folder of already-downloaded .deb files, or null. */
    static Path debSeed() {
        String env = System.getenv("BAYES2IMC_TEST_DEBS");
        Path p = Path.of(env != null && !env.isBlank() ? env : "/work/cache/debs");
        return Files.isDirectory(p) ? p : null;
    }

    /** Copies the seed .debs that {@code debDir} lacks (a copy, never a link: the cache must stand alone). */
    static void seedDebs(Path debDir) {
        Path seed = debSeed();
        if (seed == null) {
            return;
        }
        try (Stream<Path> s = Files.list(seed)) {
            Files.createDirectories(debDir);
            for (Path deb : s.filter(p -> p.toString().endsWith(".deb")).toList()) {
                Path target = debDir.resolve(deb.getFileName());
                if (!Files.exists(target)) {
                    Path tmp = Files.createTempFile(debDir, ".seed-", ".tmp");
                    Files.copy(deb, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
