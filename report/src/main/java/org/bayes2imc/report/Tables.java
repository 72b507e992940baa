package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tabular views of results.json: columns of an array of objects, and the flat list of settings. */
final class Tables {
    private Tables() {
    }

    /** The scalar keys of the rows, in first-seen order (nested objects and arrays are not columns). */
    static List<String> columns(List<JsonNode> rows) {
        Set<String> cols = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            row.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    cols.add(e.getKey());
                }
            });
        }
        return new ArrayList<>(cols);
    }

    /** The text of one cell as stored (full precision, for CSV); empty when absent. */
    static String raw(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
    }

    /** The text of one cell for reading: numbers to four significant digits. */
    static String readable(JsonNode row, String column) {
        JsonNode v = row.get(column);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return Format.MISSING;
        }
        return v.isNumber() ? Format.significant(v.doubleValue()) : v.asText();
    }

    /** Settings flattened to dotted keys ("device.read_noise" = ...), arrays shown compactly. */
    static List<Map.Entry<String, String>> flatten(JsonNode node) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<Map.Entry<String, String>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e ->
                    flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            out.add(Map.entry(prefix, node.toString()));
        } else {
            out.add(Map.entry(prefix, node.asText()));
        }
    }
}
