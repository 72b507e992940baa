package org.bayes2imc.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.bayes2imc.io.Json;

import java.io.IOException;

/**
 * Reads a section of results.json into the result record the command wrote it from (docs/RESULTS.md), as leniently
 * as {@link Results} reads single fields, since the report also reads partial and hand-edited files: an unknown key
 * is ignored, a missing one is absent (NaN, null), a number field holding {@code "NaN"}, {@code "Infinity"} or
 * {@code "-Infinity"} (older Jackson output) is that number, one holding an object, array or boolean is NaN, a text
 * field holding an object or array is null, a count field holding anything but a number is 0, a nested record or
 * list holding a value of another shape (a number where a spread belongs) is null, and a number field
 * holding any other string is refused
 * ({@link Results.FieldTypeException}).
 */
final class ResultRecords {
    private static final ObjectMapper LENIENT = Json.MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(lenient())
            .addHandler(wrongShapeIsAbsent());

    private ResultRecords() {
    }

    /** One object of a section as a record; a string where a number belongs is refused naming the field. */
    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return LENIENT.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Results.FieldTypeException f) {
                    throw f;
                }
            }
            throw new Results.FieldTypeException("cannot read a " + type.getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** As {@link Results#number} reads a path through a non-object as absent, a record of the wrong shape is null. */
    private static DeserializationProblemHandler wrongShapeIsAbsent() {
        return new DeserializationProblemHandler() {
            @Override
            public Object handleUnexpectedToken(DeserializationContext c, JavaType type, JsonToken t, JsonParser p,
                                                String message) throws IOException {
                p.skipChildren();
                return null;
            }

            @Override
            public Object handleMissingInstantiator(DeserializationContext c, Class<?> type, ValueInstantiator v,
                                                    JsonParser p, String message) throws IOException {
                p.skipChildren();
                return null;
            }
        };
    }

    private static SimpleModule lenient() {
        SimpleModule m = new SimpleModule("lenient-results");
        m.addDeserializer(double.class, number(double.class));
        m.addDeserializer(Double.class, number(Double.class));
        m.addDeserializer(int.class, count(int.class));
        m.addDeserializer(Integer.class, count(Integer.class));
        m.addDeserializer(String.class, new StdDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (p.currentToken().isStructStart()) {
                    p.skipChildren();
                    return null;
                }
                return p.getValueAsString();
            }
        });
        return m;
    }

    /** A count (deployments, images) is never drawn from: anything but a number reads as 0 (null when boxed and absent). */
    private static StdDeserializer<Integer> count(Class<?> type) {
        return new StdDeserializer<>(type) {
            @Override
            public Integer deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (p.currentToken().isNumeric()) {
                    return p.getValueAsInt();
                }
                if (p.currentToken().isStructStart()) {
                    p.skipChildren();
                }
                return 0;
            }

            @Override
            public Integer getNullValue(DeserializationContext c) {
                return type.isPrimitive() ? 0 : null;
            }

            @Override
            public Object getAbsentValue(DeserializationContext c) {
                return type.isPrimitive() ? 0 : null;
            }
        };
    }

    private static StdDeserializer<Double> number(Class<?> type) {
        return new StdDeserializer<>(type) {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
                JsonToken t = p.currentToken();
                if (t.isNumeric()) {
                    return p.getDoubleValue();
                }
                if (t == JsonToken.VALUE_STRING) {
                    return switch (p.getText()) {
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        case "-Infinity" -> Double.NEGATIVE_INFINITY;
                        default -> throw new Results.FieldTypeException("field '" + p.currentName() + "' holds the string \""
                                + p.getText() + "\" where a number belongs");
                    };
                }
                if (t.isStructStart()) {
                    p.skipChildren();
                }
                return Double.NaN;
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
