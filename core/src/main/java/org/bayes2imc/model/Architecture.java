package org.bayes2imc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A network of the VGGBinaryConnect family described by data: a name, the input shape, the class count and a
 * width string (docs/MODEL.md §2.3). Width strings read {@code conv widths with M for max-pool : hidden FC widths}, e.g.
 * {@code 128-128-M-256-256-M-512-512-M:1024-1024}; the classifier layer to {@code classes} is implied. An MLP has no
 * conv part ({@code :64-64}).
 */
public record Architecture(String name, String widths, int channels, int height, int width, int classes,
                           List<LayerSpec> layers) {

    public static final double CONV_BN_MOMENTUM = 0.2;
    public static final double FC_BN_MOMENTUM = 0.1;
    public static final double BN_EPS = 1e-5;

    public Architecture {
        layers = List.copyOf(layers);
    }

    /** Builds the layers from a width string; throws IllegalArgumentException with a one-line reason. */
    public static Architecture of(String name, String widths, int channels, int height, int width, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("architecture " + name + ": need at least 2 classes, got " + classes);
        }
        String[] parts = widths.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("architecture widths '" + widths + "' must read CONV:FC, e.g. 32-32-M:256");
        }
        List<LayerSpec> layers = new ArrayList<>();
        int c = channels;
        int h = height;
        int w = width;
        List<String> conv = tokens(parts[0]);
        for (int t = 0; t < conv.size(); t++) {
            String tok = conv.get(t);
            if (tok.equalsIgnoreCase("M")) {
                throw new IllegalArgumentException("architecture widths '" + widths + "': M must follow a conv width");
            }
            int out = positive(tok, widths);
            boolean pool = t + 1 < conv.size() && conv.get(t + 1).equalsIgnoreCase("M");
            if (pool) {
                t++;
                if (h % 2 != 0 || w % 2 != 0) {
                    throw new IllegalArgumentException("architecture " + name + ": cannot max-pool a " + h + "x" + w + " map");
                }
            }
            layers.add(new LayerSpec(layers.size(), LayerKind.CONV, c, out, 3, 1, h, w, pool, true, BN_EPS, CONV_BN_MOMENTUM));
            c = out;
            if (pool) {
                h /= 2;
                w /= 2;
            }
        }
        int features = c * h * w;
        for (String tok : tokens(parts[1])) {
            int out = positive(tok, widths);
            layers.add(new LayerSpec(layers.size(), LayerKind.FC, features, out, 1, 0, 1, 1, false, true, BN_EPS, FC_BN_MOMENTUM));
            features = out;
        }
        layers.add(new LayerSpec(layers.size(), LayerKind.FC, features, classes, 1, 0, 1, 1, false, false, BN_EPS, FC_BN_MOMENTUM));
        return new Architecture(name, widths, channels, height, width, classes, layers);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.split("-")) {
            if (!t.isBlank()) {
                out.add(t.trim());
            }
        }
        return out;
    }

    private static int positive(String tok, String widths) {
        try {
            int v = Integer.parseInt(tok);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("architecture widths '" + widths + "': '" + tok + "' is not a positive width");
    }

    public int inputSize() {
        return channels * height * width;
    }

    public long weightCount() {
        return layers.stream().mapToLong(LayerSpec::weightCount).sum();
    }

    public long macsPerImage() {
        return layers.stream().mapToLong(LayerSpec::macsPerImage).sum();
    }

    public LayerSpec layer(int i) {
        return layers.get(i);
    }

    public int depth() {
        return layers.size();
    }
}
