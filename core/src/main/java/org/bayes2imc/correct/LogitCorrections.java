package org.bayes2imc.correct;

import java.util.List;

/** The logit corrections by command-line name: none, affine (default), read-back. */
public final class LogitCorrections {
    public static final String DEFAULT = "affine";

    private LogitCorrections() {
    }

    public static List<String> names() {
        return List.of("none", "affine", "read-back");
    }

    public static LogitCorrection byName(String name) {
        return switch (name) {
            case "none" -> new NoLogitCorrection();
            case "affine" -> new MomentMatchingLogitCorrection();
            case "read-back" -> new ReadBackLogitCorrection();
            default -> throw new IllegalArgumentException("unknown logit correction '" + name + "'; known: " + names());
        };
    }
}
