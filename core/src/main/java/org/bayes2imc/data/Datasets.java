package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the named datasets (docs/MODEL.md §3) from the data cache directory:
 * <ul>
 * <li>"fashion-mnist": splits "train" (60,000) and "test" (10,000), 1×28×28;</li>
 * <li>"digits": the 1,797 UCI digits as a 1×28×28 out-of-distribution set ({@link DigitsResampling#MNIST_BOX}),
 *     split "all" ("test" is accepted as a synonym, since it is only ever used for evaluation);</li>
 * <li>"digits-8x8": the same digits at their native 1×8×8, split "all" (or "test");</li>
 * <li>"breast-cancer": 30 raw features, splits "train"/"test" ({@link BreastCancerCsv#split}, stratified 80/20,
 *     seed {@link BreastCancerCsv#SPLIT_SEED}) and "all";</li>
 * <li>"cifar10:DIR", "cifar100:DIR" (fine labels) and "cifar100-coarse:DIR": "train"/"test" binaries from a
 *     directory of the user's ({@link CifarReader#load}).</li>
 * </ul>
 * Images are in [0, 1]; tabular features are raw (fit a {@link Normalisation} on the training part).
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Loads a dataset by name and split; the files must already be in {@code dataDir} (see
     * {@code bayes2imc data fetch}, or {@link DataFetcher}).
     */
    public static Dataset load(String name, String split, Path dataDir) {
        return load(name, split, dataDir, Integer.MAX_VALUE);
    }

    /** As {@link #load(String, String, Path)} but only the first {@code limit} samples (all if fewer). */
    public static Dataset load(String name, String split, Path dataDir, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("sample limit must be >= 0, got " + limit);
        }
        int colon = name.indexOf(':');
        if (colon > 0) {
            String kind = name.substring(0, colon);
            Path dir = Path.of(name.substring(colon + 1));
            Dataset d = switch (kind) {
                case "cifar10" -> CifarReader.load(dir, CifarReader.Format.CIFAR10, split, CifarReader.Labels.FINE);
                case "cifar100" -> CifarReader.load(dir, CifarReader.Format.CIFAR100, split, CifarReader.Labels.FINE);
                case "cifar100-coarse" -> CifarReader.load(dir, CifarReader.Format.CIFAR100, split, CifarReader.Labels.COARSE);
                default -> throw unknown(name);
            };
            return first(d, limit);
        }
        switch (name) {
            case "fashion-mnist": {
                requireSplit(name, split, "train", "test");
                Path dir = cached(CachedDataset.FASHION_MNIST, dataDir);
                String prefix = split.equals("train") ? "train" : "t10k";
                Path labelsFile = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
                IdxReader.Images im = IdxReader.readImages(dir.resolve(prefix + "-images-idx3-ubyte.gz"), limit);
                int[] labels = IdxReader.readLabels(labelsFile, limit);
                if (labels.length != im.count()) {
                    throw new InputException(labelsFile, labels.length + " labels for " + im.count() + " images");
                }
                return new Dataset("fashion-mnist-" + split, 1, im.rows(), im.cols(), 10, im.pixels(), labels);
            }
            case "digits":
            case "digits-8x8": {
                requireSplit(name, split, "all", "test");
                Path dir = cached(CachedDataset.DIGITS, dataDir);
                Dataset d = first(DigitsCsv.read(dir.resolve("digits.csv.gz")), limit);
                return name.equals("digits") ? DigitsCsv.to28x28(d, DigitsResampling.MNIST_BOX) : d;
            }
            case "breast-cancer": {
                requireSplit(name, split, "train", "test", "all");
                Path dir = cached(CachedDataset.BREAST_CANCER, dataDir);
                Dataset all = BreastCancerCsv.read(dir.resolve("breast_cancer.csv"));
                Dataset d = switch (split) {
                    case "train" -> BreastCancerCsv.split(all).train();
                    case "test" -> BreastCancerCsv.split(all).heldOut();
                    default -> all;
                };
                return first(d, limit);
            }
            default:
                throw unknown(name);
        }
    }

    /** The default data cache: $BAYES2IMC_DATA_DIR, else ~/.cache/bayes2imc/data. */
    public static Path defaultDataDir() {
        String env = System.getenv("BAYES2IMC_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "bayes2imc", "data");
    }

    private static Path cached(CachedDataset ds, Path dataDir) {
        Path dir = ds.directory(dataDir);
        for (CachedDataset.CachedFile f : ds.files()) {
            if (!Files.isRegularFile(dir.resolve(f.fileName()))) {
                throw new InputException(dir.resolve(f.fileName()), "not in the data cache; run: bayes2imc data fetch "
                        + ds.id() + " --data-dir " + dataDir);
            }
        }
        return dir;
    }

    private static void requireSplit(String name, String split, String... allowed) {
        for (String a : allowed) {
            if (a.equals(split)) {
                return;
            }
        }
        throw new IllegalArgumentException("dataset " + name + " has splits " + String.join(", ", allowed) + "; got '" + split + "'");
    }

    private static Dataset first(Dataset d, int limit) {
        return limit >= d.size() ? d : d.slice(0, limit);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown dataset '" + name + "'; known: fashion-mnist, digits, digits-8x8, "
                + "breast-cancer, cifar10:DIR, cifar100:DIR, cifar100-coarse:DIR");
    }
}
