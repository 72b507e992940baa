package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.nio.file.Path;

/** Loads the named datasets from the data cache directory (SPEC §3). */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Loads a dataset by name and split ("train" or "test"); the files must already be in {@code dataDir}
     * (see {@code bayes2imc data fetch}).
     */
    public static Dataset load(String name, String split, Path dataDir) {
        if (name.equals("fashion-mnist")) {
            Path dir = dataDir.resolve("fashion-mnist");
            String prefix = split.equals("train") ? "train" : "t10k";
            IdxReader.Images im = IdxReader.readImages(dir.resolve(prefix + "-images-idx3-ubyte.gz"));
            int[] labels = IdxReader.readLabels(dir.resolve(prefix + "-labels-idx1-ubyte.gz"));
            if (labels.length != im.count()) {
                throw new InputException(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), labels.length + " labels for " + im.count() + " images");
            }
            return new Dataset("fashion-mnist-" + split, 1, im.rows(), im.cols(), 10, im.pixels(), labels);
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'");
    }

    /** The default data cache: $BAYES2IMC_DATA_DIR, else ~/.cache/bayes2imc/data. */
    public static Path defaultDataDir() {
        String env = System.getenv("BAYES2IMC_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "bayes2imc", "data");
    }
}
