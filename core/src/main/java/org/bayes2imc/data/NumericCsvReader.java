package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Small helpers for the numeric CSV files of scikit-learn's bundled datasets (raw or gzip). */
final class NumericCsvReader {
    private NumericCsvReader() {
    }

    static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "file not found");
        }
        PushbackInputStream in = new PushbackInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16), 2);
        byte[] head = in.readNBytes(2);
        in.unread(head);
        InputStream s = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        return new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
    }

    /** Parses one row of exactly {@code expected} numbers. */
    static double[] parseRow(Path file, int lineNo, String line, int expected) {
        String[] parts = line.split(",", -1);
        if (parts.length != expected) {
            throw new InputException(file, "line " + lineNo + ": expected " + expected + " values, found " + parts.length);
        }
        double[] v = new double[expected];
        for (int i = 0; i < expected; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(file, "line " + lineNo + ": '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new InputException(file, "line " + lineNo + ": value " + parts[i] + " is not finite");
            }
        }
        return v;
    }
}
