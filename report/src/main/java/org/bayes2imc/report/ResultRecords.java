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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a section of results.json into the result record the command wrote it from (docs/RESULTS.md), as leniently
 * as {@link Results} reads single fields, since the report also reads partial and hand-edited files: an unknown key
 * is ignored, a missing one is absent (NaN, null), a number field holding {@code "NaN"}, {@code "Infinity"} or
 * {@code "-Infinity"} (older Jackson output) is that number, one holding an object, array or boolean is NaN, a text
 * field holding an object or array is null, a count field ({@code int} or {@code long}) holding anything but a number
 * or absent is 0, a flag holding anything but {@code true} is false, an element of a number list ({@code double[]},
 * {@code long[]}) that is not a number is NaN (a count 0) as the histograms' element-wise read takes it, a value of a
 * map of numbers follows the rules of a number field, a nested record, list or map holding a value of
 * another shape (a number where a spread belongs) is null, and a number field holding any other string is refused
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
        m.addDeserializer(int.class, count(int.class, JsonParser::getValueAsInt, 0));
        m.addDeserializer(Integer.class, count(Integer.class, JsonParser::getValueAsInt, 0));
        m.addDeserializer(long.class, count(long.class, JsonParser::getValueAsLong, 0L));
        m.addDeserializer(Long.class, count(Long.class, JsonParser::getValueAsLong, 0L));
        m.addDeserializer(boolean.class, flag(boolean.class));
        m.addDeserializer(Boolean.class, flag(Boolean.class));
        m.addDeserializer(double[].class, numberArray());
        m.addDeserializer(long[].class, countArray());
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

    /** A value read from the parser at its current token. */
    private interface ParserValue<T> {
        T of(JsonParser p) throws IOException;
    }

    /**
     * A count (deployments, images, synapses) is never drawn from: anything but a number reads as 0 (null when boxed
     * and absent).
     */
    private static <T> StdDeserializer<T> count(Class<?> type, ParserValue<T> value, T zero) {
        return new StdDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (p.currentToken().isNumeric()) {
                    return value.of(p);
                }
                if (p.currentToken().isStructStart()) {
                    p.skipChildren();
                }
                return zero;
            }

            @Override
            public T getNullValue(DeserializationContext c) {
                return type.isPrimitive() ? zero : null;
            }

            @Override
            public Object getAbsentValue(DeserializationContext c) {
                return type.isPrimitive() ? zero : null;
            }
        };
    }

    /** A flag (a layer is ensembled) is true only where the file says {@code true}. */
    private static StdDeserializer<Boolean> flag(Class<?> type) {
        return new StdDeserializer<>(type) {
            @Override
            public Boolean deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (p.currentToken().isStructStart()) {
                    p.skipChildren();
                }
                return p.currentToken() == JsonToken.VALUE_TRUE;
            }

            @Override
            public Boolean getNullValue(DeserializationContext c) {
                return type.isPrimitive() ? false : null;
            }

            @Override
            public Object getAbsentValue(DeserializationContext c) {
                return type.isPrimitive() ? false : null;
            }
        };
    }

    /** A list of numbers (histogram edges): an element that is not a number is NaN. */
    private static StdDeserializer<double[]> numberArray() {
        return list(double[].class, p -> {
            if (p.currentToken().isStructStart()) {
                p.skipChildren();
            }
            return p.currentToken().isNumeric() ? p.getDoubleValue() : switch (String.valueOf(p.getText())) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }, l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A list of counts (histogram counts), each element read as a count field. */
    private static StdDeserializer<long[]> countArray() {
        StdDeserializer<Long> element = count(long.class, JsonParser::getValueAsLong, 0L);
        return list(long[].class, p -> element.deserialize(p, null), l -> l.stream().mapToLong(Long::longValue).toArray());
    }

    /** A primitive array read element by element; a value that is not a list reads as absent. */
    private static <E, A> StdDeserializer<A> list(Class<A> type, ParserValue<E> element, Function<List<E>, A> array) {
        return new StdDeserializer<>(type) {
            @Override
            public A deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (!p.isExpectedStartArrayToken()) {
                    p.skipChildren();
                    return null;
                }
                List<E> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(element.of(p));
                }
                return array.apply(out);
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
