package org.bayes2imc.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.InvalidSetting;
import org.bayes2imc.io.Json;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an experiment file (YAML by its .yaml/.yml suffix, else JSON; format in docs/CONFIG.md) into an
 * {@link ExperimentConfig}. Every problem is one line naming the file and the key: an unknown key, a value of the
 * wrong type, or a value out of range (the field's own validation message).
 */
public final class ConfigFile {
    /** Strict: an unknown key or a null where a number belongs is an error, not silently ignored. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private ConfigFile() {
    }

    /** The experiment the file describes; groups and fields it leaves out keep their defaults. */
    public static ExperimentConfig load(Path file) {
        JsonNode tree = Json.read(file);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return ExperimentConfig.defaults();
        }
        if (!tree.isObject()) {
            throw new InputException(file, "must be a mapping of groups (device, crossbar, mapping, compensation, sampling, engine, study, correction)");
        }
        try {
            return STRICT.treeToValue(tree, ExperimentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String at = path(e.getPath().subList(0, e.getPath().size() - 1));
            throw new InputException(file, "unknown key '" + (at.isEmpty() ? "" : at + ".") + e.getPropertyName()
                    + "'; known here: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            InvalidSetting bad = cause(e);
            List<JsonMappingException.Reference> refs = e.getPath();
            if (bad != null) {
                // the path ends at the group (or at the field itself, for a value its type refused)
                String at = path(refs);
                String field = at.endsWith("." + bad.field()) || at.equals(bad.field()) ? at : (at.isEmpty() ? "" : at + ".") + bad.field();
                throw new InputException(file, field + " " + bad.problem());
            }
            throw new InputException(file, path(refs) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new InputException(file, e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static InvalidSetting cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidSetting s) {
                return s;
            }
        }
        return null;
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        return refs.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
