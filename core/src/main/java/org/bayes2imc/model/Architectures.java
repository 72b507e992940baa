package org.bayes2imc.model;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The named networks: the papers' VGGBinaryConnect, the small Fashion-MNIST demo member, and the tabular MLP. */
public final class Architectures {
    /** The papers' network (docs/MODEL.md §2.3) for 32×32×3 input. */
    public static final String VGG_BINARYCONNECT = "vgg-binaryconnect";
    /** The demo network for 28×28×1 input, sized to train in minutes on 2 cores. */
    public static final String FMNIST_SMALL = "fmnist-small";
    /** A smaller member for tests and quick experiments on 28×28×1 input. */
    public static final String FMNIST_TINY = "fmnist-tiny";
    /** A multilayer perceptron for tabular data (breast cancer: 30 features, 2 classes). */
    public static final String MLP = "mlp";

    private record Preset(String widths, int channels, int height, int width, int classes) {
    }

    private static final Map<String, Preset> PRESETS = new TreeMap<>(Map.of(
            VGG_BINARYCONNECT, new Preset("128-128-M-256-256-M-512-512-M:1024-1024", 3, 32, 32, 10),
            FMNIST_SMALL, new Preset("32-32-M-64-64-M:256", 1, 28, 28, 10),
            FMNIST_TINY, new Preset("8-M-16-M:32", 1, 28, 28, 10),
            MLP, new Preset(":64-64", 30, 1, 1, 2)));

    private Architectures() {
    }

    public static java.util.Set<String> names() {
        return PRESETS.keySet();
    }

    /**
     * Resolves {@code NAME} or {@code NAME:CLASSES} (e.g. {@code vgg-binaryconnect:100}), or a custom
     * {@code custom:CxHxW:CLASSES:WIDTHS} (e.g. {@code custom:1x28x28:10:16-M-32-M:64}).
     */
    public static Architecture parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("custom:")) {
            String[] p = s.split(":", 4);
            if (p.length != 4) {
                throw new IllegalArgumentException("custom network '" + spec + "' must read custom:CxHxW:CLASSES:CONV:FC");
            }
            String[] dims = p[1].split("x");
            if (dims.length != 3) {
                throw new IllegalArgumentException("custom network '" + spec + "': input must read CxHxW");
            }
            try {
                return Architecture.of("custom", p[3], Integer.parseInt(dims[0]), Integer.parseInt(dims[1]),
                        Integer.parseInt(dims[2]), Integer.parseInt(p[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("custom network '" + spec + "': " + e.getMessage());
            }
        }
        String name = s;
        Integer classes = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            name = s.substring(0, colon);
            try {
                classes = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("network '" + spec + "': class count must be an integer");
            }
        }
        Preset p = PRESETS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown network '" + spec + "'; known: " + PRESETS.keySet() + " or custom:CxHxW:CLASSES:WIDTHS");
        }
        return Architecture.of(name, p.widths, p.channels, p.height, p.width, classes == null ? p.classes : classes);
    }

    /** The named network with its widths but a different input shape or class count. */
    public static Architecture named(String name, int channels, int height, int width, int classes) {
        Preset p = PRESETS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown network '" + name + "'");
        }
        return Architecture.of(name, p.widths, channels, height, width, classes);
    }
}
