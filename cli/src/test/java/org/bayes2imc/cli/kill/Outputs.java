package org.bayes2imc.cli.kill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.SafetensorsFile;
import org.bayes2imc.model.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a command left in its output folders: whether every file is complete, and a comparable snapshot (results
 * with the wall-clock measurements taken out, tensors by exact content) to tell a resumed run from a clean one.
 */
final class Outputs {
    /** AtomicFiles' temporary siblings ".NAME.RANDOM.tmp": a kill between create and rename leaves them behind. */
    static final Pattern TEMP = Pattern.compile("\\..+\\.tmp");
    /** Configured times (time after programming): settings, compared like every other field. */
    static final Set<String> CONFIGURED_TIMES = Set.of("time_seconds", "mapping_time_seconds");

    /**
     * Whether a results field measures elapsed time or speed (timing, *seconds, *per_second; docs/RESULTS.md), which
     * no two runs share; every other field must match exactly.
     */
    static boolean wallClock(String key) {
        return key.equals("timing") || key.endsWith("per_second")
                || key.endsWith("seconds") && !CONFIGURED_TIMES.contains(key);
    }

    private Outputs() {
    }

    /** A listing of one output folder after a run. */
    record Listing(List<String> results, List<String> temps, List<String> halfWritten) {
    }

    /** Lists {@code dir}: result files, leftover temporaries, and the files that are not complete (with why). */
    static Listing inspect(Path dir) {
        List<String> results = new ArrayList<>();
        List<String> temps = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Path f : files(dir)) {
            String rel = dir.relativize(f).toString();
            if (TEMP.matcher(f.getFileName().toString()).matches()) {
                temps.add(rel);
                continue;
            }
            if (isLock(f)) {
                continue; // the output lock (cli OutputDir): empty by design, held through an OS lock, never results
            }
            results.add(rel);
            String problem = problem(f);
            if (problem != null) {
                bad.add(rel + ": " + problem);
            }
        }
        return new Listing(results, temps, bad);
    }

    /** A run's output lock file: {@code .bayes2imc.lock} in a folder, {@code .NAME.lock} beside a model file. */
    static boolean isLock(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".lock");
    }

    /** Why {@code f} is not a complete file of its kind, or null. */
    static String problem(Path f) {
        String name = f.getFileName().toString();
        try {
            byte[] b = Files.readAllBytes(f);
            if (name.endsWith(".json")) {
                JsonNode n = Json.MAPPER.readTree(b);
                return n != null && n.isObject() ? null : "not a JSON object";
            }
            if (name.endsWith(".safetensors")) {
                SafetensorsFile.read(f); // checks every tensor's data lies inside the file
                return null;
            }
            if (name.endsWith(".csv")) {
                return b.length > 0 && b[b.length - 1] == '\n' ? null : "CSV does not end with a line break";
            }
            if (name.endsWith(".html")) {
                return new String(b, StandardCharsets.UTF_8).stripTrailing().endsWith("</html>") ? null : "HTML not closed";
            }
            if (name.endsWith(".yaml")) {
                JsonNode n = Json.YAML.readTree(b); // an experiment file the demo wrote for its sweep
                return n != null && n.isObject() ? null : "not a YAML mapping";
            }
            if (name.endsWith(".parquet")) {
                // a Parquet file starts and ends with its magic PAR1 (the footer follows the data)
                String magic = "PAR1";
                return b.length >= 8 && new String(b, 0, 4, StandardCharsets.US_ASCII).equals(magic)
                        && new String(b, b.length - 4, 4, StandardCharsets.US_ASCII).equals(magic) ? null : "Parquet file not complete";
            }
            return "unexpected file";
        } catch (IOException | RuntimeException e) {
            return e.toString();
        }
    }

    /** Every result file of {@code dir} (temporaries excluded) in a form that compares by content. */
    static Map<String, Object> snapshot(Path dir) {
        Map<String, Object> out = new TreeMap<>();
        for (Path f : files(dir)) {
            String name = f.getFileName().toString();
            if (TEMP.matcher(name).matches() || isLock(f)) {
                continue; // a lock file names the process that held it: not a result
            }
            String rel = dir.relativize(f).toString();
            try {
                if (name.endsWith(".json")) {
                    out.put(rel, withoutWallClock(Json.MAPPER.readTree(f.toFile())));
                } else if (name.endsWith(".safetensors")) {
                    out.put(rel, tensors(f));
                } else if (name.endsWith(".html")) {
                    // the report prints the run's timings; its data are results.json and the CSVs, compared exactly
                    out.put(rel, problem(f) == null ? "complete report" : "incomplete report");
                } else if (name.endsWith(".parquet")) {
                    // a sweep's table: the same rows as its sweep.csv, which is compared exactly
                    out.put(rel, problem(f) == null ? "complete Parquet" : "incomplete Parquet");
                } else {
                    out.put(rel, Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Metadata (JSON values parsed, wall clock removed) and a SHA-256 of each tensor's exact float bits. */
    private static JsonNode tensors(Path f) {
        SafetensorsFile.Contents c = SafetensorsFile.read(f);
        ObjectNode n = Json.object();
        ObjectNode meta = n.putObject("metadata");
        c.metadata().forEach((k, v) -> {
            try {
                meta.set(k, withoutWallClock(Json.MAPPER.readTree(v)));
            } catch (IOException e) {
                meta.put(k, v);
            }
        });
        ObjectNode t = n.putObject("tensors");
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            t.put(e.getKey(), java.util.Arrays.toString(e.getValue().shape()) + " " + sha256(e.getValue().data()));
        }
        return n;
    }

    /** Where two snapshots differ: files present in one only, JSON paths with both values, other files by name. */
    static List<String> differences(Map<String, Object> expected, Map<String, Object> actual) {
        List<String> out = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String f : names) {
            Object e = expected.get(f);
            Object a = actual.get(f);
            if (e == null || a == null) {
                out.add(f + (e == null ? ": only after the rerun" : ": missing after the rerun"));
            } else if (e instanceof JsonNode ej && a instanceof JsonNode aj) {
                diff(f + ":", ej, aj, out);
            } else if (!e.equals(a)) {
                out.add(f + ": content differs");
            }
        }
        return out;
    }

    private static void diff(String at, JsonNode e, JsonNode a, List<String> out) {
        if (e.equals(a)) {
            return;
        }
        if (e.isObject() && a.isObject()) {
            Set<String> keys = new java.util.TreeSet<>();
            e.fieldNames().forEachRemaining(keys::add);
            a.fieldNames().forEachRemaining(keys::add);
            keys.forEach(k -> diff(at + "." + k, e.path(k), a.path(k), out));
        } else if (e.isArray() && a.isArray() && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                diff(at + "[" + i + "]", e.get(i), a.get(i), out);
            }
        } else {
            String es = e.toString();
            String as = a.toString();
            out.add(at + " " + es.substring(0, Math.min(120, es.length())) + " -> " + as.substring(0, Math.min(120, as.length())));
        }
    }

    static JsonNode withoutWallClock(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.fieldNames().forEachRemaining(k -> {
                if (wallClock(k)) {
                    drop.add(k);
                }
            });
            o.remove(drop);
        }
        n.forEach(Outputs::strip);
    }

    private static String sha256(float[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * data.length);
            for (float v : data) {
                b.putInt(Float.floatToRawIntBits(v));
            }
            return HexFormat.of().formatHex(md.digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
