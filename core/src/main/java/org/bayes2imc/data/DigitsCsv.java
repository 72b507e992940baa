package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads scikit-learn's copy of the UCI optical handwritten digits (1,797 images of 8×8, intensities 0–16;
 * {@code digits.csv.gz} in Debian's python3-sklearn, docs/MODEL.md §3): each row is 64 pixel values then the label 0–9.
 * Intensities are divided by 16 so pixels lie in [0, 1].
 */
public final class DigitsCsv {
    public static final int SIDE = 8;
    public static final int LEVELS = 16;

    private DigitsCsv() {
    }

    /** The native 8×8×1 images (dataset name "digits-8x8"). */
    public static Dataset read(Path file) {
        float[] px;
        int[] labels;
        try (BufferedReader r = NumericCsvReader.open(file)) {
            java.util.List<float[]> rows = new java.util.ArrayList<>();
            java.util.List<Integer> lab = new java.util.ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                double[] v = NumericCsvReader.parseRow(file, lineNo, line, SIDE * SIDE + 1);
                float[] row = new float[SIDE * SIDE];
                for (int i = 0; i < row.length; i++) {
                    if (v[i] < 0 || v[i] > LEVELS || v[i] != Math.rint(v[i])) {
                        throw new InputException(file, "line " + lineNo + ": pixel " + v[i] + " is not an integer 0-16");
                    }
                    row[i] = (float) (v[i] / LEVELS);
                }
                double label = v[SIDE * SIDE];
                if (label < 0 || label > 9 || label != Math.rint(label)) {
                    throw new InputException(file, "line " + lineNo + ": label " + label + " is not a digit 0-9");
                }
                rows.add(row);
                lab.add((int) label);
            }
            if (rows.isEmpty()) {
                throw new InputException(file, "no digit rows");
            }
            px = new float[rows.size() * SIDE * SIDE];
            labels = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, px, i * SIDE * SIDE, SIDE * SIDE);
                labels[i] = lab.get(i);
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot read digits CSV: " + e.getMessage());
        }
        return new Dataset("digits-8x8", 1, SIDE, SIDE, 10, px, labels);
    }

    /** The digits resampled to 28×28×1 for out-of-distribution use (dataset name "digits"). */
    public static Dataset to28x28(Dataset native8x8, DigitsResampling resampling) {
        if (native8x8.channels() != 1 || native8x8.height() != SIDE || native8x8.width() != SIDE) {
            throw new IllegalArgumentException(native8x8.name() + ": expected 1x8x8 digits");
        }
        float[] px = resampling.apply(native8x8.features(), native8x8.size(), SIDE);
        return new Dataset("digits", 1, DigitsResampling.SIDE, DigitsResampling.SIDE, 10, px, native8x8.labels().clone());
    }
}
