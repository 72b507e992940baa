package org.bayes2imc.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The table of components (energy per action, area, latency, node, source) the PPA model prices actions with; the
 * defaults come from components.yaml in this package, a user file replaces them entirely (--components).
 */
public final class ComponentLibrary {
    public static final String DEFAULT_RESOURCE = "components.yaml";

    private final String sourceName;
    private final Map<String, Component> entries;

    private ComponentLibrary(String sourceName, Map<String, Component> entries) {
        this.sourceName = sourceName;
        this.entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The default library shipped with the tool. */
    public static ComponentLibrary defaults() {
        try (InputStream in = ComponentLibrary.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default component library " + DEFAULT_RESOURCE + " missing from the classpath");
            }
            return parse(Json.YAML.readTree(in), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A user library (YAML or JSON); problems are one-line InputExceptions naming the file and entry. */
    public static ComponentLibrary load(Path file) {
        return parse(Json.read(file), file.toString());
    }

    /** Parses a tree {@code {components: {name: {energy_pj, area_um2, node_nm, source, ...}}}}. */
    public static ComponentLibrary parse(JsonNode root, String sourceName) {
        JsonNode list = root == null ? null : root.get("components");
        if (list == null || !list.isObject() || list.isEmpty()) {
            throw new InputException(sourceName + ": needs a non-empty 'components' mapping");
        }
        Map<String, Component> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = list.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), entry(sourceName, e.getKey(), e.getValue()));
        }
        return new ComponentLibrary(sourceName, out);
    }

    private static Component entry(String file, String name, JsonNode n) {
        String where = file + ": entry '" + name + "'";
        if (n == null || !n.isObject()) {
            throw new InputException(where + ": must be a mapping of fields");
        }
        double energy = number(n, "energy_pj", where, true, 0);
        double area = number(n, "area_um2", where, true, 0);
        double latency = number(n, "latency_ns", where, false, 0);
        double node = number(n, "node_nm", where, true, 0);
        double vdd = number(n, "vdd_v", where, false, 0.8);
        if (node <= 0 || vdd <= 0) {
            throw new InputException(where + ": node_nm and vdd_v must be positive");
        }
        int bits = (int) number(n, "bits", where, false, 0);
        if (bits < 0 || number(n, "bits", where, false, 0) != bits) {
            throw new InputException(where + ": bits must be a non-negative integer");
        }
        JsonNode src = n.get("source");
        if (src == null || !src.isTextual() || src.asText().isBlank()) {
            throw new InputException(where + ": missing source");
        }
        WidthRule rule = choice(n, "width_rule", WidthRule.class, bits == 0 ? WidthRule.NONE : WidthRule.LINEAR, where);
        NodeScaling scaling = choice(n, "scaling", NodeScaling.class, NodeScaling.CMOS, where);
        return new Component(name, energy, area, latency, node, vdd, bits, rule, scaling, src.asText());
    }

    private static double number(JsonNode n, String key, String where, boolean required, double dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InputException(where + ": missing " + key);
            }
            return dflt;
        }
        if (!v.isNumber()) {
            throw new InputException(where + ": " + key + " must be a number, got '" + v.asText() + "'");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d < 0) {
            throw new InputException(where + ": " + key + " must be finite and non-negative, got " + d);
        }
        return d;
    }

    private static <E extends Enum<E>> E choice(JsonNode n, String key, Class<E> type, E dflt, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + key + " '" + v.asText() + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** The named entry at the given node, supply and width; a missing entry names the file and the entry. */
    public Component at(String name, double nodeNm, double vddV, int bits) {
        Component c = entries.get(name);
        if (c == null) {
            throw new InputException(sourceName + ": no entry '" + name + "' (needed by the chosen design)");
        }
        return c.at(nodeNm, vddV, bits);
    }

    /**
     * A copy with one figure of one entry replaced (sweeps over a component assumption, e.g.
     * {@code sram_cell_read.energy_pj}); field is energy_pj, area_um2 or latency_ns.
     */
    public ComponentLibrary withFigure(String name, String field, double value) {
        Component c = raw(name);
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + "." + field + " must be finite and non-negative, got " + value);
        }
        Component changed = switch (field) {
            case "energy_pj" -> new Component(c.name(), value, c.areaUm2(), c.latencyNs(), c.nodeNm(), c.vddV(), c.bits(), c.widthRule(), c.scaling(), c.source() + " [overridden]");
            case "area_um2" -> new Component(c.name(), c.energyPj(), value, c.latencyNs(), c.nodeNm(), c.vddV(), c.bits(), c.widthRule(), c.scaling(), c.source() + " [overridden]");
            case "latency_ns" -> new Component(c.name(), c.energyPj(), c.areaUm2(), value, c.nodeNm(), c.vddV(), c.bits(), c.widthRule(), c.scaling(), c.source() + " [overridden]");
            default -> throw new IllegalArgumentException("component field '" + field + "' is not one of energy_pj, area_um2, latency_ns");
        };
        Map<String, Component> m = new LinkedHashMap<>(entries);
        m.put(name, changed);
        return new ComponentLibrary(sourceName + " with " + name + "." + field + "=" + value, m);
    }

    public Component raw(String name) {
        Component c = entries.get(name);
        if (c == null) {
            throw new InputException(sourceName + ": no entry '" + name + "'");
        }
        return c;
    }

    public Collection<Component> entries() {
        return entries.values();
    }

    public String sourceName() {
        return sourceName;
    }
}
