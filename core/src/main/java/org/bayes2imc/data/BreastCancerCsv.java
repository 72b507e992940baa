package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Wisconsin diagnostic breast-cancer table (569 × 30; {@code breast_cancer.csv} in Debian's
 * python3-sklearn, docs/MODEL.md §3): a header "count,features,class names..." then rows of 30 features and the label
 * (0 = malignant, 1 = benign). Features are kept raw (C = 30, H = W = 1); standardise them with
 * {@link Normalisation#fit(Dataset)} on the training part only.
 */
public final class BreastCancerCsv {
    public static final int FEATURES = 30;
    /** Seed of the documented stratified 80/20 train/test split. */
    public static final long SPLIT_SEED = 20200523L;
    /** Fraction of each class held out as the test split. */
    public static final double TEST_FRACTION = 0.2;

    private BreastCancerCsv() {
    }

    /** All 569 rows (dataset name "breast-cancer"). */
    public static Dataset read(Path file) {
        try (BufferedReader r = NumericCsvReader.open(file)) {
            String header = r.readLine();
            if (header == null) {
                throw new InputException(file, "empty file");
            }
            // -1 keeps empty fields: a header of only commas would otherwise split into no fields at all
            String[] h = header.split(",", -1);
            int count;
            int features;
            try {
                count = Integer.parseInt(h[0].trim());
                features = h.length > 1 ? Integer.parseInt(h[1].trim()) : -1;
            } catch (NumberFormatException e) {
                throw new InputException(file, "line 1: header must start with the row and feature counts, got '" + header + "'");
            }
            if (features != FEATURES || count <= 0) {
                throw new InputException(file, "line 1: header announces " + count + " rows of " + features + " features, expected " + FEATURES + " features");
            }
            int classes = Math.max(2, h.length - 2);
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    rows.add(NumericCsvReader.parseRow(file, lineNo, line, FEATURES + 1));
                }
            }
            if (rows.size() != count) {
                throw new InputException(file, "header announces " + count + " rows but the file has " + rows.size());
            }
            float[] x = new float[count * FEATURES];
            int[] y = new int[count];
            for (int i = 0; i < count; i++) {
                double[] v = rows.get(i);
                for (int j = 0; j < FEATURES; j++) {
                    if (Math.abs(v[j]) > Float.MAX_VALUE) {
                        // finite as a double, infinite as the float feature it becomes
                        throw new InputException(file, "line " + (i + 2) + ": value " + v[j] + " is out of range");
                    }
                    x[i * FEATURES + j] = (float) v[j];
                }
                double label = v[FEATURES];
                if (label < 0 || label >= classes || label != Math.rint(label)) {
                    throw new InputException(file, "line " + (i + 2) + ": label " + label + " is not a class index 0-" + (classes - 1));
                }
                y[i] = (int) label;
            }
            return new Dataset("breast-cancer", FEATURES, 1, 1, classes, x, y);
        } catch (IOException e) {
            throw new InputException(file, "cannot read breast-cancer CSV: " + e.getMessage());
        }
    }

    /** The documented split: stratified by class, {@link #TEST_FRACTION} held out, seed {@link #SPLIT_SEED}. */
    public static Splits.Split split(Dataset all) {
        return Splits.stratifiedHoldOut(all, TEST_FRACTION, SPLIT_SEED);
    }
}
