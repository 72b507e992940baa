package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The datasets {@code bayes2imc data fetch} takes from Debian packages (docs/MODEL.md §3): which package, which files inside
 * it, where they go in the cache (CACHE/&lt;name&gt;/&lt;file&gt;) and how each file is verified. Debian
 * re-gzipped Fashion-MNIST, so its files are checked by decompressed size, IDX magic and dimensions, not by the
 * upstream gzip checksums.
 */
public enum CachedDataset {
    FASHION_MNIST("fashion-mnist", "dataset-fashion-mnist", List.of(
            idx("train-images-idx3-ubyte.gz", IdxReader.IMAGES_MAGIC, 47_040_016L, 60_000, 28, 28),
            idx("train-labels-idx1-ubyte.gz", IdxReader.LABELS_MAGIC, 60_008L, 60_000),
            idx("t10k-images-idx3-ubyte.gz", IdxReader.IMAGES_MAGIC, 7_840_016L, 10_000, 28, 28),
            idx("t10k-labels-idx1-ubyte.gz", IdxReader.LABELS_MAGIC, 10_008L, 10_000))),
    DIGITS("digits", "python3-sklearn", List.of(new CachedFile(
            "usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz", "digits.csv.gz",
            f -> requireCount(f, DigitsCsv.read(f).size(), 1797)))),
    BREAST_CANCER("breast-cancer", "python3-sklearn", List.of(new CachedFile(
            "usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv", "breast_cancer.csv",
            f -> requireCount(f, BreastCancerCsv.read(f).size(), 569))));

    private final String id;
    private final String debianPackage;
    private final List<CachedFile> files;

    CachedDataset(String id, String debianPackage, List<CachedFile> files) {
        this.id = id;
        this.debianPackage = debianPackage;
        this.files = files;
    }

    /** Checks one cached file; throws {@link InputException} naming it and the problem. */
    @FunctionalInterface
    public interface Verifier {
        void verify(Path file);
    }

    /** One file: its path inside the package, its name in the cache and its check. */
    public record CachedFile(String packagePath, String fileName, Verifier verifier) {
    }

    /** The name users type ("fashion-mnist", "digits", "breast-cancer"). */
    public String id() {
        return id;
    }

    public String debianPackage() {
        return debianPackage;
    }

    public List<CachedFile> files() {
        return files;
    }

    /** CACHE/&lt;name&gt;. */
    public Path directory(Path dataDir) {
        return dataDir.resolve(id);
    }

    public static CachedDataset byName(String name) {
        return Arrays.stream(values()).filter(d -> d.id.equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown dataset '" + name + "'; fetchable: " + String.join(", ", names())));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(CachedDataset::id).toList();
    }

    private static CachedFile idx(String name, int magic, long bytes, int... dims) {
        return new CachedFile("usr/share/datasets/fashion-mnist/" + name, name, f -> {
            IdxReader.Info info = IdxReader.inspect(f);
            if (info.magic() != magic) {
                throw new InputException(f, String.format("IDX magic 0x%08x, expected 0x%08x", info.magic(), magic));
            }
            if (!Arrays.equals(info.dims(), dims)) {
                throw new InputException(f, "IDX dimensions " + Arrays.toString(info.dims()) + ", expected " + Arrays.toString(dims));
            }
            if (info.decompressedBytes() != bytes) {
                throw new InputException(f, "decompressed size " + info.decompressedBytes() + " bytes, expected " + bytes);
            }
        });
    }

    private static void requireCount(Path f, int found, int expected) {
        if (found != expected) {
            throw new InputException(f, found + " rows, expected " + expected);
        }
    }
}
