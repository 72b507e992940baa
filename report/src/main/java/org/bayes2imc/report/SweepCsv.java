package org.bayes2imc.report;

import org.bayes2imc.io.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's table as the report reads it: {@code sweep.csv} (docs/SWEEP.md "Output"), each row a map from column
 * to text; numbers are read where a figure needs them (empty = not applicable). The report module depends only on
 * the file, not on the sweep module.
 */
record SweepCsv(Path file, List<String> columns, List<Map<String, String>> rows) {
    static final String FILE = "sweep.csv";

    static SweepCsv read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new InputException(file, "empty: expected a header line");
        }
        List<String> cols = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> v = split(lines.get(i));
            if (v.size() != cols.size()) {
                throw new InputException(file, "line " + (i + 1) + " has " + v.size() + " fields, the header " + cols.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < cols.size(); c++) {
                m.put(cols.get(c), v.get(c));
            }
            rows.add(m);
        }
        return new SweepCsv(file, cols, rows);
    }

    static double number(Map<String, String> row, String column) {
        String t = row.get(column);
        if (t == null || t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** RFC 4180 fields of one line (quotes doubled inside quoted fields). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
