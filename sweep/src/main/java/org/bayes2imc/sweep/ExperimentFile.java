package org.bayes2imc.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an experiment file (YAML or JSON, docs/SWEEP.md) into its cells: models × (grid product, then explicit cells),
 * each over the {@code fixed} settings and the defaults. Every problem is one line naming the file and the key
 * ({@code exp.yaml: grid.samples[1]: must be an integer in 1..10000, got 0}), raised before anything runs; every
 * model file is read once here, so a missing or malformed model is refused too.
 */
public final class ExperimentFile {
    private static final Set<String> TOP = Set.of("models", "data", "fixed", "grid", "cells", "seed");
    private static final Set<String> DATA = Set.of("dataset", "limit", "ood", "ood_limit", "calibration_images", "data_dir");
    private static final String UNKNOWN_SETTING = "unknown setting key; known: " + String.join(", ", SettingKey.ALL.keySet());
    /** Cells a file may define: a sweep larger than this is surely a typo in a grid. */
    public static final int MAX_CELLS = 100_000;

    private ExperimentFile() {
    }

    public static Experiment read(Path file) {
        JsonNode root;
        try {
            root = Json.YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new InputException(file, "not valid YAML/JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file, "must be a mapping with models, data and grid or cells");
        }
        Errors err = new Errors(file);
        unknownKeys(err, root, TOP, "");
        Map<String, Path> models = models(err, root.path("models"));
        EvaluationData data = data(err, root.path("data"));
        long seed = root.has("seed") ? longValue(err, root.get("seed"), "seed") : 1L;
        Map<String, Object> fixed = new LinkedHashMap<>();
        JsonNode fixedNode = root.path("fixed");
        if (!fixedNode.isMissingNode()) {
            if (!fixedNode.isObject()) {
                throw err.at("fixed", "must be a mapping of setting keys to values");
            }
            fixedNode.fields().forEachRemaining(e -> fixed.put(e.getKey(), setting(err, "fixed." + e.getKey(), e.getKey(), e.getValue())));
        }
        List<Map<String, Object>> variants = new ArrayList<>();
        JsonNode grid = root.path("grid");
        if (!grid.isMissingNode()) {
            variants.addAll(grid(err, grid));
        }
        JsonNode cells = root.path("cells");
        if (!cells.isMissingNode()) {
            if (!cells.isArray()) {
                throw err.at("cells", "must be a list of mappings");
            }
            for (int i = 0; i < cells.size(); i++) {
                JsonNode c = cells.get(i);
                if (!c.isObject()) {
                    throw err.at("cells[" + i + "]", "must be a mapping of setting keys to values");
                }
                Map<String, Object> v = new LinkedHashMap<>();
                int index = i;
                c.fields().forEachRemaining(e -> v.put(e.getKey(), setting(err, "cells[" + index + "]." + e.getKey(), e.getKey(), e.getValue())));
                variants.add(v);
            }
        }
        if (variants.isEmpty()) {
            variants.add(Map.of()); // only fixed settings: one cell per model
        }
        if ((long) variants.size() * models.size() > MAX_CELLS) {
            throw err.at("grid", variants.size() * (long) models.size() + " cells exceed the limit of " + MAX_CELLS);
        }
        List<Cell> out = new ArrayList<>();
        for (Map.Entry<String, Path> m : models.entrySet()) {
            String sha = sha256(err, m.getKey(), m.getValue());
            for (Map<String, Object> v : variants) {
                Map<String, Object> s = new LinkedHashMap<>();
                SettingKey.ALL.values().forEach(k -> s.put(k.name(), k.defaultValue()));
                s.putAll(fixed);
                s.putAll(v);
                out.add(new Cell(out.size(), m.getKey(), sha, s, data, seed));
            }
        }
        return new Experiment(file, models, data, List.copyOf(out));
    }

    private static Map<String, Path> models(Errors err, JsonNode node) {
        if (node.isMissingNode()) {
            throw err.at("models", "missing: list the model files (.safetensors) to sweep");
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isTextual()) {
            items.add(node);
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(items::add);
        } else {
            throw err.at("models", "must be a model file or a non-empty list of them");
        }
        Map<String, Path> out = new LinkedHashMap<>();
        Path base = err.file.toAbsolutePath().getParent();
        for (int i = 0; i < items.size(); i++) {
            String key = "models[" + i + "]";
            if (!items.get(i).isTextual() || items.get(i).asText().isBlank()) {
                throw err.at(key, "must be a file name");
            }
            String name = items.get(i).asText();
            Path p = base.resolve(name).normalize();
            if (!Files.isRegularFile(p)) {
                throw err.at(key, "no such model file: " + p);
            }
            try {
                BbnnModel m = ModelFile.read(p); // refuses a malformed model before anything runs
                m.architecture();
            } catch (RuntimeException e) {
                throw err.at(key, e.getMessage());
            }
            out.put(name, p);
        }
        return out;
    }

    private static EvaluationData data(Errors err, JsonNode node) {
        if (node.isMissingNode()) {
            return new EvaluationData("fashion-mnist", 1000, null, 0, 256, null);
        }
        if (!node.isObject()) {
            throw err.at("data", "must be a mapping (dataset, limit, ood, ood_limit, calibration_images, data_dir)");
        }
        unknownKeys(err, node, DATA, "data.");
        String dataset = text(err, node, "dataset", "fashion-mnist");
        int limit = intValue(err, node, "limit", 1000, 0, Integer.MAX_VALUE);
        String ood = text(err, node, "ood", null);
        int oodLimit = intValue(err, node, "ood_limit", 0, 0, Integer.MAX_VALUE);
        int calibration = intValue(err, node, "calibration_images", 256, 1, Integer.MAX_VALUE);
        String dir = text(err, node, "data_dir", null);
        if (dir != null) {
            dir = err.file.toAbsolutePath().getParent().resolve(dir).normalize().toString();
        }
        return new EvaluationData(dataset, limit, ood, oodLimit, calibration, dir);
    }

    private static List<Map<String, Object>> grid(Errors err, JsonNode grid) {
        if (!grid.isObject() || grid.isEmpty()) {
            throw err.at("grid", "must be a non-empty mapping of setting keys to lists of values");
        }
        List<Map<String, Object>> product = new ArrayList<>();
        product.add(new LinkedHashMap<>());
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!SettingKey.ALL.containsKey(key)) {
                throw err.at("grid." + key, UNKNOWN_SETTING);
            }
            List<JsonNode> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(values::add);
            } else {
                values.add(e.getValue());
            }
            if (values.isEmpty()) {
                throw err.at("grid." + key, "must list at least one value");
            }
            List<Object> parsed = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                parsed.add(setting(err, "grid." + key + "[" + i + "]", key, values.get(i)));
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : product) {
                for (Object v : parsed) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(key, v);
                    next.add(m);
                }
                if (next.size() > MAX_CELLS) {
                    throw err.at("grid", "more than " + MAX_CELLS + " cells");
                }
            }
            product = next;
        }
        return product;
    }

    private static Object setting(Errors err, String where, String key, JsonNode value) {
        SettingKey k = SettingKey.ALL.get(key);
        if (k == null) {
            throw err.at(where, UNKNOWN_SETTING);
        }
        if (!value.isValueNode() || value.isNull()) {
            throw err.at(where, "must be a single value (" + k.describeRange() + ")");
        }
        try {
            return k.normalise(value.isBoolean() ? (Object) value.asBoolean() : value.asText());
        } catch (IllegalArgumentException e) {
            throw err.at(where, e.getMessage());
        }
    }

    private static void unknownKeys(Errors err, JsonNode node, Set<String> known, String prefix) {
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw err.at(prefix + k, "unknown key; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    private static String text(Errors err, JsonNode node, String key, String def) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw err.at("data." + key, "must be a name, got " + v);
        }
        return v.asText();
    }

    private static int intValue(Errors err, JsonNode node, String key, int def, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw err.at("data." + key, "must be an integer >= " + min + ", got " + v);
        }
        return v.asInt();
    }

    private static long longValue(Errors err, JsonNode v, String key) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw err.at(key, "must be an integer, got " + v);
        }
        return v.asLong();
    }

    private static String sha256(Errors err, String key, Path p) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw err.at("models", key + ": cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the one-line errors: file, key, problem. */
    private record Errors(Path file) {
        InputException at(String key, String problem) {
            return new InputException(file, key + ": " + problem);
        }
    }
}
