package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of (Fashion-)MNIST (LeCun et al.; docs/MODEL.md §3): big-endian int32 magic 0x00000803 (uint8 images,
 * 3 dimensions) or 0x00000801 (uint8 labels, 1 dimension), the dimensions as int32, then the uint8 data; the file
 * may be raw or gzip (detected by the gzip magic). Any malformed file gives an {@link InputException} naming it.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Images as N×rows×cols floats in [0, 1] (uint8 / 255). */
    public record Images(int count, int rows, int cols, float[] pixels) {
    }

    /** What an IDX file holds: its magic, its dimensions and its decompressed length in bytes (header included). */
    public record Info(int magic, int[] dims, long decompressedBytes) {
        /** The length a well-formed file with these dimensions has: 4 + 4·dims + product(dims). */
        public long expectedBytes() {
            long n = 1;
            for (int d : dims) {
                n *= d;
            }
            return 4L + 4L * dims.length + n;
        }
    }

    public static Images readImages(Path file) {
        return readImages(file, Integer.MAX_VALUE);
    }

    /** The first {@code maxCount} images (all if fewer); the rest of the file is not read, so not checked. */
    public static Images readImages(Path file, int maxCount) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new InputException(file, String.format("not an IDX image file (magic 0x%08x, expected 0x%08x)", magic, IMAGES_MAGIC));
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            // rows·cols first: n·rows·cols of three ints can overflow even a long and wrap into range
            long perImage = (long) rows * cols;
            if (n < 0 || rows <= 0 || cols <= 0 || perImage > Integer.MAX_VALUE || n * perImage > Integer.MAX_VALUE - 16) {
                throw new InputException(file, "implausible IDX image dimensions " + n + "x" + rows + "x" + cols);
            }
            int take = Math.min(n, Math.max(0, maxCount));
            int want = take * rows * cols;
            // readNBytes grows its buffer as data arrives, so a lying header cannot make us allocate gigabytes.
            byte[] raw = in.readNBytes(want);
            if (raw.length != want) {
                throw new InputException(file, "truncated IDX file: header promises " + n + " images of " + rows + "x" + cols
                        + " but the data ends after " + raw.length / ((long) rows * cols) + " of them");
            }
            if (take == n && in.read() != -1) {
                throw new InputException(file, "trailing bytes after the " + n + " images the header promises");
            }
            float[] px = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                px[i] = (raw[i] & 0xff) / 255f;
            }
            return new Images(take, rows, cols, px);
        } catch (EOFException e) {
            throw new InputException(file, "truncated IDX file (header incomplete)");
        } catch (IOException e) {
            throw new InputException(file, "cannot read IDX file: " + e.getMessage());
        }
    }

    public static int[] readLabels(Path file) {
        return readLabels(file, Integer.MAX_VALUE);
    }

    /** The first {@code maxCount} labels (all if fewer). */
    public static int[] readLabels(Path file, int maxCount) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new InputException(file, String.format("not an IDX label file (magic 0x%08x, expected 0x%08x)", magic, LABELS_MAGIC));
            }
            int n = in.readInt();
            if (n < 0) {
                throw new InputException(file, "negative IDX label count " + n);
            }
            int take = Math.min(n, Math.max(0, maxCount));
            byte[] raw = in.readNBytes(take);
            if (raw.length != take) {
                throw new InputException(file, "truncated IDX file: header promises " + n + " labels but the data ends after " + raw.length);
            }
            if (take == n && in.read() != -1) {
                throw new InputException(file, "trailing bytes after the " + n + " labels the header promises");
            }
            int[] labels = new int[take];
            for (int i = 0; i < take; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        } catch (EOFException e) {
            throw new InputException(file, "truncated IDX file (header incomplete)");
        } catch (IOException e) {
            throw new InputException(file, "cannot read IDX file: " + e.getMessage());
        }
    }

    /**
     * Reads the header and counts the decompressed bytes without keeping the data (used to verify the cache:
     * Debian re-gzipped the files, so upstream gzip checksums do not apply but decompressed sizes do).
     */
    public static Info inspect(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            int nDims = magic & 0xff;
            if ((magic >>> 8) != 0x08 || nDims < 1 || nDims > 4) {
                throw new InputException(file, String.format("not a uint8 IDX file (magic 0x%08x)", magic));
            }
            int[] dims = new int[nDims];
            for (int i = 0; i < nDims; i++) {
                dims[i] = in.readInt();
            }
            long total = 4L + 4L * nDims;
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                total += r;
            }
            return new Info(magic, dims, total);
        } catch (EOFException e) {
            throw new InputException(file, "truncated IDX file (header incomplete)");
        } catch (IOException e) {
            throw new InputException(file, "cannot read IDX file: " + e.getMessage());
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "file not found");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        try {
            InputStream s = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return new DataInputStream(s);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}
