package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files beside the report, each written atomically from the same results.json: drift.csv, ppa.csv,
 * ppa_breakdown.csv, sparsity_layers.csv, hardware_deployments.csv. A file is written only when its section exists.
 */
final class CsvFiles {
    private CsvFiles() {
    }

    /** Writes the CSVs whose sections exist; returns the files written. */
    static List<Path> writeAll(Results r, Path dir) {
        List<Path> written = new ArrayList<>();
        write(dir.resolve("drift.csv"), r.rows("drift"), written);
        write(dir.resolve("ppa.csv"), r.rows("ppa", "rows"), written);
        write(dir.resolve("ppa_breakdown.csv"), r.rows("ppa", "breakdown"), written);
        List<JsonNode> layers = r.rows("sparsity", "layers");
        write(dir.resolve("sparsity_layers.csv"), layers.isEmpty() ? r.rows("software", "posterior", "layers") : layers,
                written);
        write(dir.resolve("hardware_deployments.csv"), deployments(r), written);
        return written;
    }

    /** Raw and corrected per-deployment metrics, one row per (variant, deployment). */
    static List<JsonNode> deployments(Results r) {
        List<JsonNode> out = new ArrayList<>();
        for (String[] v : new String[][]{{"hardware", "raw"}, {"hardware_corrected", "corrected"}}) {
            List<JsonNode> rows = r.rows(v[0], "per_deployment");
            for (int i = 0; i < rows.size(); i++) {
                ObjectNode row = Json.object();
                row.put("variant", v[1]);
                row.put("deployment", i + 1);
                rows.get(i).fields().forEachRemaining(e -> {
                    if (!row.has(e.getKey())) {
                        row.set(e.getKey(), e.getValue());
                    }
                });
                out.add(row);
            }
        }
        return out;
    }

    static String csv(List<JsonNode> rows) {
        List<String> cols = Tables.columns(rows);
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", cols.stream().map(CsvFiles::quote).toList())).append('\n');
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>(cols.size());
            for (String c : cols) {
                cells.add(quote(Tables.raw(row, c)));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    private static void write(Path file, List<JsonNode> rows, List<Path> written) {
        if (rows.isEmpty()) {
            return;
        }
        AtomicFiles.writeString(file, csv(rows));
        written.add(file);
    }

    /** RFC 4180 quoting where needed. */
    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
