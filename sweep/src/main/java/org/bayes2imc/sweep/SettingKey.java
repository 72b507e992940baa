package org.bayes2imc.sweep;

import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.device.Durations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One axis of a design-space sweep (docs/SWEEP.md): a field of the deployment or PPA configuration, its range and its
 * default (the defaults of {@code bayes2imc deploy} and {@code ppa}). {@link #normalise} turns a YAML value into the
 * canonical value a cell is seeded from, or says in one line why it is out of range.
 */
public record SettingKey(String name, Kind kind, double min, double max, List<String> choices, Object defaultValue,
                         String description) {

    /** How a value is read. */
    public enum Kind { INTEGER, NUMBER, CHOICE, FLAG, DURATION }

    /** Every key a cell may set, in the column order of the output table. */
    public static final Map<String, SettingKey> ALL = keys();

    private static Map<String, SettingKey> keys() {
        Map<String, SettingKey> m = new LinkedHashMap<>();
        put(m, choice("design", "bayes2imc", List.of("bayes2imc", "sram", "adc-imc"),
                "core design; adc-imc is priced only (no functional simulator)"));
        put(m, choice("device", "ibm-pcm", DeviceModels.NAMES, "PCM device model (docs/MODEL.md §3)"));
        put(m, number("programming_noise_scale", 0, 100, 1.0, "1 = published programming noise, 0 = off"));
        put(m, number("read_noise_scale", 0, 100, 1.0, "1 = published read noise, 0 = off"));
        put(m, number("drift_scale", 0, 100, 1.0, "1 = published drift, 0 = off"));
        put(m, number("g_ref", 0.1, 1000, 5.0, "sense-amplifier reference G_ref, µS"));
        put(m, choice("encoding", "single", List.of("single", "differential"), "one device or a differential pair per synapse"));
        put(m, number("epsilon", 1e-9, 0.5, 0.01, "p < ε or p > 1-ε is deterministic, in (0, 0.5)"));
        put(m, choice("target_noise", "read+programming", List.of("read", "read+programming"),
                "noise the mapping's target accounts for (docs/MODEL.md §5)"));
        put(m, new SettingKey("program_verify", Kind.FLAG, 0, 1, List.of(), false, "program-and-verify (re-program until within 0.5 µS)"));
        put(m, choice("compensation", "global", List.of("none", "global", "reference-cell"), "drift compensation"));
        put(m, integer("reference_devices", 1, 1_000_000, 64, "reference devices per layer for global compensation"));
        put(m, choice("correction", "none", List.of("none", "affine", "read-back"), "logit correction (docs/MODEL.md §7)"));
        put(m, new SettingKey("time", Kind.DURATION, 0, 1e12, List.of(), 20.0, "read time after programming: 20s, 1d, 10y, 1e7s"));
        put(m, integer("samples", 1, 10_000, 10, "S, ensemble members per image"));
        put(m, integer("deployments", 1, 10_000, 5, "K, programmings of the core"));
        put(m, integer("array_size", 8, 4096, 128, "crossbar rows = columns, a power of two"));
        put(m, integer("activation_bits", 1, 16, 8, "k-bit layer inputs"));
        put(m, choice("sparsity", "none", List.of("none", "ls", "ls+rs"), "sampling sparsity mode (docs/MODEL.md §8)"));
        put(m, integer("p_bits", 1, 16, 8, "bits of the SRAM design's p word (sram)"));
        put(m, choice("pipeline", "pipelined", List.of("pipelined", "non-pipelined"), "PPA pipeline mode"));
        put(m, new SettingKey("floor", Kind.FLAG, 0, 1, List.of(), true,
                "run the Monte-Carlo floor that splits the spread over K into floor and deployment-induced parts"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, SettingKey> m, SettingKey k) {
        m.put(k.name(), k);
    }

    private static SettingKey integer(String name, int min, int max, int def, String d) {
        return new SettingKey(name, Kind.INTEGER, min, max, List.of(), def, d);
    }

    private static SettingKey number(String name, double min, double max, double def, String d) {
        return new SettingKey(name, Kind.NUMBER, min, max, List.of(), def, d);
    }

    private static SettingKey choice(String name, String def, List<String> choices, String d) {
        return new SettingKey(name, Kind.CHOICE, 0, 0, choices, def, d);
    }

    /**
     * The canonical value of {@code raw} (a YAML scalar): Integer, Double (time in seconds), String or Boolean.
     * IllegalArgumentException with a one-line reason (without the key; the caller names where it stands).
     */
    public Object normalise(Object raw) {
        if (raw == null || raw instanceof Map || raw instanceof List) {
            throw new IllegalArgumentException("must be a single value (" + describeRange() + "), got " + raw);
        }
        String text = raw.toString().trim();
        switch (kind) {
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be an integer in " + describeRange() + ", got '" + text + "'");
                }
                if (v < min || v > max) {
                    throw new IllegalArgumentException("must be an integer in " + describeRange() + ", got " + v);
                }
                if (name.equals("array_size") && Long.bitCount(v) != 1) {
                    throw new IllegalArgumentException("must be a power of two in " + describeRange() + ", got " + v);
                }
                return (int) v;
            }
            case NUMBER -> {
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number in " + describeRange() + ", got '" + text + "'");
                }
                if (!(v >= min && v <= max) || (name.equals("epsilon") && v >= max)) {
                    throw new IllegalArgumentException("must be a number in " + describeRange() + ", got " + text);
                }
                return v;
            }
            case CHOICE -> {
                String v = text.toLowerCase(Locale.ROOT);
                if (!choices.contains(v)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + ", got '" + text + "'");
                }
                return v;
            }
            case FLAG -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
                };
            }
            case DURATION -> {
                return Durations.parseSeconds(text);
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** The range or choices, as the error messages and docs/SWEEP.md give them. */
    public String describeRange() {
        return switch (kind) {
            case INTEGER, NUMBER -> trim(min) + ".." + trim(max);
            case CHOICE -> String.join(" | ", choices);
            case FLAG -> "true | false";
            case DURATION -> "a duration such as 20s, 1d, 10y, 1e7s";
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
