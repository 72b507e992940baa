package org.bayes2imc.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.SafetensorsFile;
import org.bayes2imc.model.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training state after a finished epoch, written atomically as safetensors ({@code checkpoint.safetensors} in
 * the checkpoint directory): tensors {@code optimizer.lambda}, {@code optimizer.momentum}, {@code optimizer.mu}
 * (flat, layers concatenated), {@code layers.I.bn.running_mean/var}; metadata key {@code bayes2imc_checkpoint} with
 * the epochs done, the optimizer step and the run's configuration. No RNG state is needed: every random draw
 * (split, data order, λ init, ε) is derived from the seed and the epoch/step counters.
 */
public record Checkpoint(float[] lambda, float[] momentum, float[] mu, float[][] bnMean, float[][] bnVar,
                         CheckpointInfo info) {
    public static final String FILE = "checkpoint.safetensors";
    public static final String METADATA_KEY = "bayes2imc_checkpoint";

    public int epochsDone() {
        return info.epochsDone();
    }

    public long step() {
        return info.step();
    }

    public static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    public void write(Path dir) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("optimizer.lambda", new Tensor(new long[] {lambda.length}, lambda));
        t.put("optimizer.momentum", new Tensor(new long[] {momentum.length}, momentum));
        t.put("optimizer.mu", new Tensor(new long[] {mu.length}, mu));
        for (int i = 0; i < bnMean.length; i++) {
            t.put("layers." + i + ".bn.running_mean", new Tensor(new long[] {bnMean[i].length}, bnMean[i]));
            t.put("layers." + i + ".bn.running_var", new Tensor(new long[] {bnVar[i].length}, bnVar[i]));
        }
        try {
            SafetensorsFile.write(file(dir), t, Map.of(METADATA_KEY, Json.MAPPER.writeValueAsString(info)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the checkpoint in {@code dir}, checking it belongs to a network of architecture {@code a}. */
    public static Checkpoint read(Path dir, Architecture a) {
        Path f = file(dir);
        if (!Files.isRegularFile(f)) {
            throw new InputException(f, "no checkpoint to resume from");
        }
        SafetensorsFile.Contents c = SafetensorsFile.read(f);
        String text = c.metadata().get(METADATA_KEY);
        if (text == null) {
            throw new InputException(f, "not a training checkpoint (metadata lacks '" + METADATA_KEY + "')");
        }
        CheckpointInfo info;
        try {
            JsonNode n = Json.MAPPER.readTree(text);
            if (!(n instanceof ObjectNode o)) {
                throw new InputException(f, "checkpoint metadata is not a JSON object");
            }
            info = CheckpointInfo.fromJson(o);
        } catch (IOException e) {
            throw new InputException(f, "checkpoint metadata is not valid JSON");
        } catch (IllegalArgumentException e) {
            throw new InputException(f, "checkpoint metadata: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        long w = a.weightCount();
        float[] lam = take(f, c, "optimizer.lambda", w);
        float[] mom = take(f, c, "optimizer.momentum", w);
        float[] mu = take(f, c, "optimizer.mu", w);
        float[][] mean = new float[a.depth()][];
        float[][] var = new float[a.depth()][];
        for (int i = 0; i < a.depth(); i++) {
            mean[i] = take(f, c, "layers." + i + ".bn.running_mean", a.layer(i).outChannels());
            var[i] = take(f, c, "layers." + i + ".bn.running_var", a.layer(i).outChannels());
        }
        return new Checkpoint(lam, mom, mu, mean, var, info);
    }

    private static float[] take(Path f, SafetensorsFile.Contents c, String name, long n) {
        Tensor t = c.tensors().get(name);
        if (t == null || t.data().length != n) {
            throw new InputException(f, "checkpoint tensor '" + name + "' missing or not of " + n + " values (different network?)");
        }
        return t.data();
    }
}
