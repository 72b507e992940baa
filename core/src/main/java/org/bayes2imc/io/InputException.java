package org.bayes2imc.io;

import java.nio.file.Path;

/** A problem with a user-supplied file or option, reported as one line naming the file and the problem. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public InputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
