package org.bayes2imc.fuzz;

import org.bayes2imc.io.InputException;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The contract every file parser keeps (issue 16, docs/RELIABILITY.md): whatever the bytes, it returns a valid
 * object or throws the one-line {@link InputException} naming the file (which the CLI maps to exit status 2).
 * Anything else (NullPointerException, ArrayIndexOutOfBounds, NegativeArraySize, OutOfMemoryError, ...) escapes
 * from {@link #check} and is reported as a crash by Jazzer or JUnit.
 */
public final class FuzzContract {
    private FuzzContract() {
    }

    /** Parses {@code file}; a returned object must pass {@code valid}, a rejection must be one line naming the file. */
    public static <T> void check(Path file, Supplier<T> parse, Consumer<T> valid) {
        T result;
        try {
            result = parse.get();
        } catch (InputException e) {
            String m = e.getMessage();
            // the CLI prints this message alone: without the file name the user cannot tell which input is bad
            if (m == null || !m.contains(file.toString()) || m.contains("\n") || m.contains("\r")) {
                throw new AssertionError("bad-input message must be one line naming " + file + ", got: " + m, e);
            }
            return;
        }
        if (result == null) {
            throw new AssertionError("parser returned null for " + file);
        }
        valid.accept(result);
    }

    /** Fails (as a crash) when {@code condition} is false; for the validity checks of a returned object. */
    public static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("parser returned an invalid object: " + what);
        }
    }
}
