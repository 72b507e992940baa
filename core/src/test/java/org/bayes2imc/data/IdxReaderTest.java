package org.bayes2imc.data;

import org.bayes2imc.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxReaderTest {
    @TempDir
    Path tmp;

    /** An IDX file with the given magic and dims, then {@code data}. */
    static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bo);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bo.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(b);
        }
        return bo.toByteArray();
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    @Test
    void imagesAndLabelsRoundTripRawAndGzip() throws IOException {
        byte[] px = ramp(3 * 4 * 5);
        byte[] images = idx(IdxReader.IMAGES_MAGIC, new int[]{3, 4, 5}, px);
        byte[] labels = idx(IdxReader.LABELS_MAGIC, new int[]{3}, new byte[]{9, 0, (byte) 200});
        for (boolean gz : new boolean[]{false, true}) {
            Path im = Files.write(tmp.resolve("im" + gz), gz ? gzip(images) : images);
            Path lb = Files.write(tmp.resolve("lb" + gz), gz ? gzip(labels) : labels);
            IdxReader.Images r = IdxReader.readImages(im);
            assertThat(r.count()).isEqualTo(3);
            assertThat(r.rows()).isEqualTo(4);
            assertThat(r.cols()).isEqualTo(5);
            for (int i = 0; i < px.length; i++) {
                assertThat(r.pixels()[i]).isEqualTo((px[i] & 0xff) / 255f);
            }
            assertThat(IdxReader.readLabels(lb)).containsExactly(9, 0, 200);
            assertThat(IdxReader.readImages(im, 2).pixels()).hasSize(2 * 20);
            assertThat(IdxReader.readLabels(lb, 1)).containsExactly(9);
            IdxReader.Info info = IdxReader.inspect(im);
            assertThat(info.magic()).isEqualTo(IdxReader.IMAGES_MAGIC);
            assertThat(info.dims()).containsExactly(3, 4, 5);
            assertThat(info.decompressedBytes()).isEqualTo(images.length).isEqualTo(info.expectedBytes());
        }
    }

    @Test
    void truncatedFileIsNamedAndExplained() throws IOException {
        byte[] images = idx(IdxReader.IMAGES_MAGIC, new int[]{3, 4, 5}, ramp(60));
        for (byte[] content : new byte[][]{Arrays.copyOf(images, images.length - 1), Arrays.copyOf(images, 10)}) {
            Path f = Files.write(tmp.resolve("cut.idx"), content);
            assertThatThrownBy(() -> IdxReader.readImages(f)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f.toString()).hasMessageContaining("truncated");
        }
        byte[] gz = gzip(images);
        Path f = Files.write(tmp.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12));
        assertThatThrownBy(() -> IdxReader.readImages(f)).isInstanceOf(InputException.class).hasMessageStartingWith(f.toString());
    }

    @Test
    void wrongMagicBadDimsTrailingBytesAndMissingFileAreRejected() throws IOException {
        Path labelsAsImages = Files.write(tmp.resolve("l.idx"), idx(IdxReader.LABELS_MAGIC, new int[]{2}, new byte[2]));
        assertThatThrownBy(() -> IdxReader.readImages(labelsAsImages)).isInstanceOf(InputException.class)
                .hasMessage(labelsAsImages + ": not an IDX image file (magic 0x00000801, expected 0x00000803)");
        Path badDims = Files.write(tmp.resolve("d.idx"), idx(IdxReader.IMAGES_MAGIC, new int[]{1, 0, 5}, new byte[0]));
        assertThatThrownBy(() -> IdxReader.readImages(badDims)).isInstanceOf(InputException.class)
                .hasMessageContaining("implausible IDX image dimensions 1x0x5");
        Path huge = Files.write(tmp.resolve("h.idx"), idx(IdxReader.IMAGES_MAGIC, new int[]{Integer.MAX_VALUE, 28, 28}, new byte[100]));
        assertThatThrownBy(() -> IdxReader.readImages(huge)).isInstanceOf(InputException.class).hasMessageStartingWith(huge.toString());
        Path trailing = Files.write(tmp.resolve("t.idx"), idx(IdxReader.LABELS_MAGIC, new int[]{2}, new byte[3]));
        assertThatThrownBy(() -> IdxReader.readLabels(trailing)).isInstanceOf(InputException.class).hasMessageContaining("trailing");
        Path missing = tmp.resolve("nope.gz");
        assertThatThrownBy(() -> IdxReader.readLabels(missing)).isInstanceOf(InputException.class).hasMessage(missing + ": file not found");
    }
}
