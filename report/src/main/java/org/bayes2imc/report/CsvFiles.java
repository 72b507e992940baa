package org.bayes2imc.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.Json;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files beside the report, each written atomically from the same results.json: drift.csv, ppa.csv,
 * ppa_breakdown.csv, sparsity_layers.csv, hardware_deployments.csv. A file is written only when its section exists.
 */
final class CsvFiles {
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

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

    /** Header and rows (RFC 4180: quoted only where a cell holds a comma, quote or line break), via Jackson's CSV writer. */
    static String csv(List<JsonNode> rows) {
        List<String> cols = Tables.columns(rows);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        cols.forEach(schema::addColumn);
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            cells.add(cols.stream().map(c -> Tables.raw(row, c)).toList());
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<JsonNode> rows, List<Path> written) {
        if (rows.isEmpty()) {
            return;
        }
        AtomicFiles.writeString(file, csv(rows));
        written.add(file);
    }
}
