package org.bayes2imc.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configuration of a sweep: a model file (named by path, identified by the SHA-256 of its bytes), the complete
 * settings (every {@link SettingKey}, defaults filled in) and the evaluation data. Its id and its random seed come
 * from this content alone, so the same cell gives the same numbers wherever and in whatever order it runs.
 *
 * @param index       position in the experiment (table order)
 * @param model       model file as written in the experiment file
 * @param modelSha256 SHA-256 of the model file's bytes
 * @param settings    canonical value of every setting key
 * @param data        evaluation data
 * @param baseSeed    the experiment's seed, mixed into every cell's seed
 */
public record Cell(int index, String model, String modelSha256, Map<String, Object> settings, EvaluationData data,
                   long baseSeed) implements java.io.Serializable {

    public Cell {
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** The canonical JSON the id and seed are hashed from: the model's content, not its path; not the index. */
    public String canonicalJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("model_sha256", modelSha256);
        o.put("seed", baseSeed);
        ObjectNode s = o.putObject("settings");
        settings.forEach((k, v) -> s.set(k, Json.MAPPER.valueToTree(v)));
        // where the data are cached is not what they are: the data directory stays out of the hash
        Map<String, Object> d = new TreeMap<>(Json.MAPPER.convertValue(data, Map.class));
        d.remove("dataDir");
        o.set("data", Json.MAPPER.valueToTree(d));
        return o.toString();
    }

    /** 16 hex digits of the SHA-256 of {@link #canonicalJson}: the name of the cell's row file. */
    public String id() {
        return HexFormat.of().formatHex(digest()).substring(0, 16);
    }

    /** The seed of the cell's deployments: the first 8 bytes of the SHA-256 of its canonical content. */
    public long seed() {
        byte[] d = digest();
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = (s << 8) | (d[i] & 0xFF);
        }
        return s;
    }

    private byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int integer(String key) {
        return (Integer) settings.get(key);
    }

    public double number(String key) {
        return ((Number) settings.get(key)).doubleValue();
    }

    public String text(String key) {
        return (String) settings.get(key);
    }

    public boolean flag(String key) {
        return (Boolean) settings.get(key);
    }
}
