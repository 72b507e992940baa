package org.bayes2imc.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a {@link BbnnModel} to and from safetensors. Tensor names: {@code layers.I.lambda} (λ, PyTorch weight
 * layout), {@code layers.I.bn.running_mean}, {@code layers.I.bn.running_var}; the metadata key {@code bayes2imc}
 * holds a JSON object whose {@code architecture} gives {@code name}, {@code widths}, {@code input} [C,H,W] and
 * {@code classes}.
 */
public final class ModelFile {
    public static final String METADATA_KEY = "bayes2imc";

    private ModelFile() {
    }

    public static final String FORMAT = "bayes2imc-bbnn-v1";

    public static void write(Path file, BbnnModel model) {
        Architecture a = model.architecture();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < a.depth(); i++) {
            LayerSpec l = a.layer(i);
            tensors.put("layers." + i + ".lambda", new Tensor(l.weightShape(), model.lambda(i)));
            tensors.put("layers." + i + ".bn.running_mean", new Tensor(new long[] {l.outChannels()}, model.bnMean(i)));
            tensors.put("layers." + i + ".bn.running_var", new Tensor(new long[] {l.outChannels()}, model.bnVar(i)));
        }
        ObjectNode meta = model.metadata().deepCopy();
        // the model's own metadata first, then (replacing any read from an older file, in place) what this format adds
        meta.setAll((ObjectNode) Json.tree(new FormatMetadata(new ArchitectureMetadata(a.name(), a.widths(),
                new int[] {a.channels(), a.height(), a.width()}, a.classes()), FORMAT)));
        try {
            SafetensorsFile.write(file, tensors, Map.of(METADATA_KEY, Json.MAPPER.writeValueAsString(meta)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code architecture} entry: enough to rebuild the network (docs/MODEL.md §2.3). */
    public record ArchitectureMetadata(String name, String widths, int[] input, int classes) {
    }

    /** What the format adds to a model's metadata. */
    record FormatMetadata(ArchitectureMetadata architecture, String format) {
    }

    public static BbnnModel read(Path file) {
        SafetensorsFile.Contents c = SafetensorsFile.read(file);
        String metaText = c.metadata().get(METADATA_KEY);
        if (metaText == null) {
            throw new InputException(file, "safetensors metadata lacks the '" + METADATA_KEY + "' entry (architecture)");
        }
        ObjectNode meta;
        try {
            JsonNode n = Json.MAPPER.readTree(metaText);
            if (!(n instanceof ObjectNode o)) {
                throw new InputException(file, "'" + METADATA_KEY + "' metadata is not a JSON object");
            }
            meta = o;
        } catch (IOException e) {
            throw new InputException(file, "'" + METADATA_KEY + "' metadata is not valid JSON");
        }
        JsonNode arch = meta.path("architecture");
        JsonNode in = arch.path("input");
        if (!arch.path("widths").isTextual() || !in.isArray() || in.size() != 3 || !arch.path("classes").canConvertToInt()) {
            throw new InputException(file, "metadata architecture needs widths, input [C,H,W] and classes");
        }
        Architecture a;
        try {
            a = Architecture.of(arch.path("name").asText("custom"), arch.path("widths").asText(), in.get(0).asInt(),
                    in.get(1).asInt(), in.get(2).asInt(), arch.path("classes").asInt());
        } catch (IllegalArgumentException e) {
            throw new InputException(file, e.getMessage());
        }
        int n = a.depth();
        float[][] lam = new float[n][];
        float[][] mean = new float[n][];
        float[][] var = new float[n][];
        for (int i = 0; i < n; i++) {
            LayerSpec l = a.layer(i);
            lam[i] = finite(file, "layers." + i + ".lambda", take(file, c, "layers." + i + ".lambda", l.weightShape()));
            mean[i] = finite(file, "layers." + i + ".bn.running_mean",
                    take(file, c, "layers." + i + ".bn.running_mean", new long[] {l.outChannels()}));
            var[i] = finite(file, "layers." + i + ".bn.running_var",
                    take(file, c, "layers." + i + ".bn.running_var", new long[] {l.outChannels()}));
            for (int k = 0; k < var[i].length; k++) {
                if (var[i][k] < 0) {
                    throw new InputException(file, "tensor 'layers." + i + ".bn.running_var' holds a negative variance "
                            + var[i][k] + " at index " + k);
                }
            }
        }
        meta.remove("architecture");
        meta.remove("format");
        return new BbnnModel(a, lam, mean, var, meta);
    }

    /**
     * Refuses NaN and infinite parameters when the file is read: downstream they do not fail, they silently turn into
     * plausible-looking metrics (a NaN λ gives p = NaN, which every Bernoulli draw reads as "−1").
     */
    private static float[] finite(Path file, String name, float[] v) {
        for (int k = 0; k < v.length; k++) {
            if (!Float.isFinite(v[k])) {
                throw new InputException(file, "tensor '" + name + "' holds " + v[k] + " at index " + k
                        + " (parameters must be finite)");
            }
        }
        return v;
    }

    private static float[] take(Path file, SafetensorsFile.Contents c, String name, long[] shape) {
        Tensor t = c.tensors().get(name);
        if (t == null) {
            throw new InputException(file, "missing tensor '" + name + "'");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new InputException(file, "tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        return t.data();
    }
}
