package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only view of one results.json (docs/RESULTS.md, schema v1): every section is optional, so every accessor
 * answers "absent" (empty, NaN) for a missing, null or wrongly typed entry instead of failing.
 */
final class Results {
    private final Path file;
    private final JsonNode root;

    Results(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The node at a key path, if present, non-null and (for containers) non-empty. */
    Optional<JsonNode> section(String... path) {
        return at(root, path);
    }

    static Optional<JsonNode> at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String key : path) {
            if (n != null && n.isArray() && key.chars().allMatch(Character::isDigit)) {
                n = n.get(Integer.parseInt(key)); // a row of a list section, e.g. drift.0
                continue;
            }
            if (n == null || !n.isObject()) {
                return Optional.empty();
            }
            n = n.get(key);
        }
        if (n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /**
     * A number at a key path; NaN when absent. Jackson writes non-finite doubles as the strings "NaN", "Infinity"
     * and "-Infinity", so those are numbers; any other string in a numeric field is a damaged or hand-edited file
     * and is refused ({@link FieldTypeException}) rather than drawn as a missing value.
     */
    static double number(JsonNode node, String... path) {
        Optional<JsonNode> n = at(node, path);
        if (n.isEmpty()) {
            return Double.NaN;
        }
        JsonNode v = n.get();
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return switch (v.textValue()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new FieldTypeException("field '" + String.join(".", path) + "' holds the string "
                        + v + " where a number belongs");
            };
        }
        return Double.NaN;
    }

    /** A numeric field holding a string; {@link ReportBuilder} adds the file name. */
    static final class FieldTypeException extends RuntimeException {
        FieldTypeException(String message) {
            super(message);
        }
    }

    double number(String... path) {
        return number(root, path);
    }

    /** A scalar at a key path as text, if present. */
    static Optional<String> text(JsonNode node, String... path) {
        return at(node, path).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    Optional<String> text(String... path) {
        return text(root, path);
    }

    /** The object elements of an array at a key path (empty when absent). */
    static List<JsonNode> rows(JsonNode node, String... path) {
        List<JsonNode> out = new ArrayList<>();
        at(node, path).filter(JsonNode::isArray).ifPresent(a -> a.forEach(e -> {
            if (e.isObject()) {
                out.add(e);
            }
        }));
        return out;
    }

    List<JsonNode> rows(String... path) {
        return rows(root, path);
    }

    /** The object at a key path read as a record (empty when absent or not an object; see {@link ResultRecords}). */
    <T> Optional<T> record(Class<T> type, String... path) {
        return section(path).filter(JsonNode::isObject).map(n -> ResultRecords.read(n, type));
    }

    /** The object elements of an array at a key path read as records (empty when absent; see {@link ResultRecords}). */
    <T> List<T> records(Class<T> type, String... path) {
        List<T> out = new ArrayList<>();
        for (JsonNode row : rows(path)) {
            out.add(ResultRecords.read(row, type));
        }
        return out;
    }

    /** The first present setting among candidate paths (e.g. settings.samples, then a section's own field). */
    Optional<String> firstText(String[]... candidates) {
        for (String[] path : candidates) {
            Optional<String> t = text(path);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    static String[] p(String... path) {
        return path;
    }
}
