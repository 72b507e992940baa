package org.bayes2imc.io;

/**
 * A configuration value out of range, named by its field in the configuration objects ({@code samples},
 * {@code engine.threads}), never by a command-line flag: the CLI maps the field to its option name in one place, the
 * config-file loader to the file and key.
 */
public class InvalidSetting extends IllegalArgumentException {
    private final String field;
    private final String problem;

    /** {@code problem} completes the sentence "FIELD …", e.g. {@code must be >= 1, got 0}. */
    public InvalidSetting(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field's name in the configuration file (snake_case), e.g. {@code samples}. */
    public String field() {
        return field;
    }

    /** The message without the field name, e.g. {@code must be >= 1, got 0}. */
    public String problem() {
        return problem;
    }

    /** Refuses {@code value} unless min ≤ value ≤ max. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSetting(field, "must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** Refuses {@code value} unless it is at least {@code min}. */
    public static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new InvalidSetting(field, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Refuses a missing (null) strategy or choice. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidSetting(field, "must be set");
        }
        return value;
    }

    /** Refuses a time that is negative, infinite or NaN. */
    public static double seconds(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidSetting(field, "must be a finite time >= 0 s, got " + value);
        }
        return value;
    }
}
