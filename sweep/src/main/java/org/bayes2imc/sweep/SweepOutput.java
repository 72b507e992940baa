package org.bayes2imc.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bayes2imc.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A sweep's output directory (docs/SWEEP.md "Output"): {@code cells/ID.json} holds each finished cell's row as soon
 * as it finishes (written atomically, so a killed run leaves whole rows or none), {@code sweep.csv} and
 * {@code sweep.parquet} (one file) the table of the whole experiment once every cell has a row. A rerun skips the cells whose
 * row is there and {@code ok}; failed cells run again.
 */
public final class SweepOutput {
    public static final String CELLS = "cells";
    public static final String CSV = "sweep.csv";
    public static final String PARQUET = "sweep.parquet";
    static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path dir;

    public SweepOutput(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Finished rows by cell id (ok and failed). */
    public Map<String, SweepRow> finished() {
        Path cells = dir.resolve(CELLS);
        Map<String, SweepRow> out = new HashMap<>();
        if (!Files.isDirectory(cells)) {
            return out;
        }
        try (Stream<Path> files = Files.list(cells)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}\\.json")).toList()) {
                SweepRow r = MAPPER.readValue(f.toFile(), SweepRow.class);
                out.put(r.cellId(), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the finished cells in " + cells + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The cells still to run: those without an ok row, each distinct cell once, in table order. */
    public List<Cell> pending(Experiment e) {
        Map<String, SweepRow> done = finished();
        Map<String, Cell> todo = new LinkedHashMap<>();
        for (Cell c : e.cells()) {
            SweepRow r = done.get(c.id());
            if (r == null || !r.ok()) {
                todo.putIfAbsent(c.id(), c);
            }
        }
        return new ArrayList<>(todo.values());
    }

    /** Stores one finished row (atomically). */
    public void record(SweepRow row) {
        try {
            AtomicFiles.writeBytes(dir.resolve(CELLS).resolve(row.cellId() + ".json"), MAPPER.writeValueAsBytes(row));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the row of cell " + row.cellId() + ": " + e.getMessage(), e);
        }
    }

    /** The experiment's rows in table order (each cell's stored row under the cell's own index and model name). */
    public List<SweepRow> rows(Experiment e) {
        Map<String, SweepRow> done = finished();
        List<SweepRow> out = new ArrayList<>();
        for (Cell c : e.cells()) {
            SweepRow r = done.get(c.id());
            if (r == null) {
                throw new IllegalStateException("cell " + c.index() + " (" + c.id() + ") has no row in " + dir.resolve(CELLS));
            }
            out.add(new SweepRow(c.index(), c.id(), c.model(), r.settings(), r.status(), r.error(), r.figures(), r.seconds()));
        }
        return out;
    }

    /** Writes {@code sweep.csv} (atomically). */
    public Path writeCsv(List<SweepRow> rows) {
        Path f = dir.resolve(CSV);
        AtomicFiles.writeString(f, SweepTable.csv(rows));
        return f;
    }
}
