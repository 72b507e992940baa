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

/** Reads the IDX format of (Fashion-)MNIST (big-endian magic 0x803 images / 0x801 labels, dims, uint8), raw or gzip. */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Images as N×rows×cols floats in [0, 1]. */
    public record Images(int count, int rows, int cols, float[] pixels) {
    }

    public static Images readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new InputException(file, String.format("not an IDX image file (magic 0x%08x, expected 0x%08x)", magic, IMAGES_MAGIC));
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (n < 0 || rows <= 0 || cols <= 0 || (long) n * rows * cols > Integer.MAX_VALUE) {
                throw new InputException(file, "implausible IDX dimensions " + n + "x" + rows + "x" + cols);
            }
            byte[] raw = new byte[n * rows * cols];
            in.readFully(raw);
            float[] px = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                px[i] = (raw[i] & 0xff) / 255f;
            }
            return new Images(n, rows, cols, px);
        } catch (EOFException e) {
            throw new InputException(file, "truncated IDX file");
        } catch (IOException e) {
            throw new InputException(file, "cannot read IDX file: " + e.getMessage());
        }
    }

    public static int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new InputException(file, String.format("not an IDX label file (magic 0x%08x, expected 0x%08x)", magic, LABELS_MAGIC));
            }
            int n = in.readInt();
            if (n < 0) {
                throw new InputException(file, "negative IDX label count " + n);
            }
            byte[] raw = new byte[n];
            in.readFully(raw);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        } catch (EOFException e) {
            throw new InputException(file, "truncated IDX file");
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
        InputStream s = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(s);
    }
}
