package org.bayes2imc.io;

import java.nio.file.Path;

/**
 * A problem with a user-supplied file or option, reported as one line naming the file and the problem. The message
 * often quotes the file's own content (a tensor name, a YAML key, a path): line breaks and other control characters
 * in it are escaped, so the CLI's "bayes2imc: error: ..." stays one line whatever the file holds.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(oneLine(message));
    }

    public InputException(Path file, String problem) {
        super(oneLine(file + ": " + problem));
    }

    public InputException(Path file, String problem, Throwable cause) {
        super(oneLine(file + ": " + problem), cause);
    }

    /** {@code text} with every control character written as a Java escape ({@code \n}, {@code \u0000}). */
    static String oneLine(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        s.append(String.format("\\u%04x", c));
                    } else {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.toString();
    }
}
