package org.bayes2imc.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's one JSON/YAML mapper and atomic results.json writing (docs/MODEL.md §10). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Writes a JSON tree atomically (temp file + rename). */
    public static void write(Path target, JsonNode node) {
        try {
            AtomicFiles.writeBytes(target, MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new InputException(target, "cannot serialise JSON: " + e.getMessage());
        }
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
}
