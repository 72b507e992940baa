package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR-10 / CIFAR-100 binary versions (Krizhevsky 2009; docs/MODEL.md §3): fixed-size records of label byte(s)
 * then 3072 pixel bytes, the 32×32 red plane, then green, then blue, rows top to bottom. Pixels become floats in
 * [0, 1] laid out C,H,W, which is exactly the file's plane order.
 */
public final class CifarReader {
    public static final int SIDE = 32;
    public static final int PIXELS = 3 * SIDE * SIDE;

    private CifarReader() {
    }

    /** The two binary variants: how many label bytes precede the pixels and how many classes each label has. */
    public enum Format {
        /** 1 label byte (10 classes); files data_batch_1..5.bin and test_batch.bin. */
        CIFAR10(1, "cifar10"),
        /** Coarse (20 superclasses) then fine (100 classes) label byte; files train.bin and test.bin. */
        CIFAR100(2, "cifar100");

        private final int labelBytes;
        private final String id;

        Format(int labelBytes, String id) {
            this.labelBytes = labelBytes;
            this.id = id;
        }

        public int recordBytes() {
            return labelBytes + PIXELS;
        }
    }

    /** Which CIFAR-100 label to use (CIFAR-10 has only one). */
    public enum Labels {
        /** The 100 fine classes (default). */
        FINE,
        /** The 20 coarse superclasses. */
        COARSE
    }

    /**
     * Loads a split from a directory holding the binary files: for CIFAR-10 data_batch_1..5.bin (train) and
     * test_batch.bin (test), for either format train.bin/test.bin; the archives' own sub-folders
     * (cifar-10-batches-bin, cifar-100-binary) are looked into too.
     */
    public static Dataset load(Path dir, Format format, String split, Labels labels) {
        if (!split.equals("train") && !split.equals("test")) {
            throw new IllegalArgumentException(format.id + ": split must be train or test, got '" + split + "'");
        }
        Path base = dir;
        for (String sub : List.of("cifar-10-batches-bin", "cifar-100-binary")) {
            if (!hasCifarFiles(dir) && Files.isDirectory(dir.resolve(sub))) {
                base = dir.resolve(sub);
            }
        }
        if (!Files.isDirectory(base)) {
            throw new InputException(dir, "CIFAR directory not found");
        }
        List<Path> files = new ArrayList<>();
        if (Files.exists(base.resolve(split + ".bin"))) {
            files.add(base.resolve(split + ".bin"));
        } else if (format == Format.CIFAR10 && split.equals("train")) {
            for (int i = 1; i <= 5; i++) {
                files.add(base.resolve("data_batch_" + i + ".bin"));
            }
        } else if (format == Format.CIFAR10) {
            files.add(base.resolve("test_batch.bin"));
        } else {
            files.add(base.resolve(split + ".bin"));
        }
        return read(files, format, labels, format.id + "-" + split);
    }

    /** Reads and concatenates the records of the given files. */
    public static Dataset read(List<Path> files, Format format, Labels labels, String name) {
        int rec = format.recordBytes();
        int classes = format == Format.CIFAR10 ? 10 : labels == Labels.FINE ? 100 : 20;
        List<byte[]> contents = new ArrayList<>();
        long records = 0;
        for (Path f : files) {
            byte[] b = readAll(f);
            if (b.length == 0 || b.length % rec != 0) {
                throw new InputException(f, "size " + b.length + " bytes is not a whole number of " + format.id
                        + " records of " + rec + " bytes");
            }
            records += b.length / rec;
            contents.add(b);
        }
        if (records * PIXELS > Integer.MAX_VALUE - 16) {
            throw new InputException(files.get(0), "too many records (" + records + ") to hold in memory");
        }
        float[] px = new float[(int) records * PIXELS];
        int[] lab = new int[(int) records];
        int r = 0;
        for (int fi = 0; fi < contents.size(); fi++) {
            byte[] b = contents.get(fi);
            for (int off = 0; off < b.length; off += rec, r++) {
                int label = format == Format.CIFAR10 ? b[off] & 0xff
                        : labels == Labels.COARSE ? b[off] & 0xff : b[off + 1] & 0xff;
                if (label >= classes) {
                    throw new InputException(files.get(fi), "record " + off / rec + " has label " + label
                            + ", expected < " + classes + " (wrong format?)");
                }
                lab[r] = label;
                int p0 = off + format.labelBytes;
                int dst = r * PIXELS;
                for (int i = 0; i < PIXELS; i++) {
                    px[dst + i] = (b[p0 + i] & 0xff) / 255f;
                }
            }
        }
        return new Dataset(name, 3, SIDE, SIDE, classes, px, lab);
    }

    private static boolean hasCifarFiles(Path dir) {
        return List.of("train.bin", "test.bin", "data_batch_1.bin", "test_batch.bin").stream()
                .anyMatch(f -> Files.exists(dir.resolve(f)));
    }

    private static byte[] readAll(Path f) {
        if (!Files.isRegularFile(f)) {
            throw new InputException(f, "file not found");
        }
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new InputException(f, "cannot read: " + e.getMessage());
        }
    }
}
