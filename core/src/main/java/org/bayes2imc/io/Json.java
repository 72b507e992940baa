package org.bayes2imc.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's one JSON/YAML mapper and atomic results.json writing (docs/MODEL.md §10, docs/RESULTS.md): result
 * records are written with snake_case keys, and a NaN or infinite double is written as null (JSON has no NaN) and
 * a null is read back as NaN.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(nanAsNull());
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Writes a result record (or a JSON tree) atomically (temp file + rename). */
    public static void write(Path target, Object value) {
        try {
            AtomicFiles.writeBytes(target, MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new InputException(target, "cannot serialise JSON: " + e.getMessage());
        }
    }

    /** A result record as a JSON tree (for a cache file or a test). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A JSON tree read back into a result record; the file is named in the error. */
    public static <T> T value(JsonNode node, Class<T> type, Path source) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(source, "does not hold a " + type.getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** Reads a file into a result record (e.g. {@code results.json} into the command's results type). */
    public static <T> T read(Path file, Class<T> type) {
        return value(read(file), type, file);
    }

    public static JsonNode read(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file, "is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "file not found");
        }
        try {
            String name = file.getFileName().toString().toLowerCase();
            ObjectMapper m = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : MAPPER;
            return m.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file, "malformed " + (file.toString().endsWith("json") ? "JSON" : "YAML/JSON")
                    + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** NaN and ±∞ as null (an empty bin's mean, an OOD figure without an OOD set); null back as NaN. */
    private static SimpleModule nanAsNull() {
        SimpleModule m = new SimpleModule("nan-as-null");
        StdSerializer<Double> write = new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v.isNaN() || v.isInfinite()) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
        };
        m.addSerializer(Double.class, write);
        m.addSerializer(double.class, write);
        // a null read back is the NaN it was written from, boxed or not (an absent key stays null in a Double)
        m.addDeserializer(double.class, nullAsNaN(double.class));
        m.addDeserializer(Double.class, nullAsNaN(Double.class));
        return m;
    }

    private static StdDeserializer<Double> nullAsNaN(Class<?> type) {
        return new StdDeserializer<>(type) {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return p.currentToken().isNumeric() ? p.getDoubleValue() : (Double) c.handleUnexpectedToken(Double.class, p);
            }

            @Override
            public Double getNullValue(DeserializationContext c) {
                return Double.NaN;
            }

            @Override
            public Object getAbsentValue(DeserializationContext c) {
                return type.isPrimitive() ? Double.NaN : null;
            }
        };
    }
}
