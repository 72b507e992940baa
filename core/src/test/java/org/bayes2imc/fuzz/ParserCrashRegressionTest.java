package org.bayes2imc.fuzz;

import org.bayes2imc.data.BreastCancerCsv;
import org.bayes2imc.data.IdxReader;
import org.bayes2imc.io.InputException;
import org.bayes2imc.model.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plain reproductions of the crashes the fuzzing campaign found (docs/RELIABILITY.md); each crashing input is also
 * in the fuzz tests' seed corpus, so Jazzer's regression run replays it too.
 */
class ParserCrashRegressionTest {
    @TempDir
    Path dir;

    /** IDX dims whose product n·rows·cols overflows a long wrapped into range: IllegalArgumentException "len < 0". */
    @Test
    void idxDimensionsWhoseProductOverflowsALongAreRejected() throws Exception {
        Path f = dir.resolve("images.idx3");
        Files.write(f, ByteBuffer.allocate(22).putInt(IdxReader.IMAGES_MAGIC).putInt(0x00f5696b).putInt(0x66738907)
                .putInt(0x0000629b).putShort((short) 0x4a47).array());
        assertThatThrownBy(() -> IdxReader.readImages(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("implausible IDX image dimensions");
    }

    /** A breast-cancer header of just "," split into no fields: ArrayIndexOutOfBoundsException (found by Jazzer). */
    @Test
    void aBreastCancerHeaderOfOnlyACommaIsRejected() throws Exception {
        Path f = dir.resolve("breast_cancer.csv");
        Files.writeString(f, ",");
        assertThatThrownBy(() -> BreastCancerCsv.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("line 1");
    }

    /** 1e39 is a finite double but an infinite float feature: rejected instead of kept as infinity. */
    @Test
    void aBreastCancerValueBeyondTheFloatRangeIsRejected() throws Exception {
        Path f = dir.resolve("breast_cancer.csv");
        String row = "1e39" + ",1".repeat(BreastCancerCsv.FEATURES - 1) + ",0\n";
        Files.writeString(f, "1,30,malignant,benign\n" + row);
        assertThatThrownBy(() -> BreastCancerCsv.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("line 2").hasMessageContaining("out of range");
    }

    /** A tensor name holding a line break was echoed into the error: the CLI's one-line message became several. */
    @Test
    void aLineBreakInATensorNameStaysOnOneLine() throws Exception {
        byte[] h = "{\"a\\nb\":{\"dtype\":\"X9\",\"shape\":[1],\"data_offsets\":[0,4]}}".getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("m.safetensors");
        Files.write(f, ByteBuffer.allocate(8 + h.length + 4).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array());
        assertThatThrownBy(() -> SafetensorsFile.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("'a\\nb'").hasMessageNotContaining("\n");
    }
}
