package org.bayes2imc.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes fuzz inputs to files: the parsers under test take paths, not bytes. One scratch directory per JVM,
 * reused by every execution (a fresh temp file per input would dominate the run time), removed at exit.
 */
public final class FuzzFiles {
    private static Path dir;

    private FuzzFiles() {
    }

    /** Writes {@code data} to {@code name} in the scratch directory (replacing what was there) and returns the path. */
    public static synchronized Path write(String name, byte[] data) {
        try {
            Path f = scratch().resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, data);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sub-directory of the scratch directory, created if needed (for readers that take a directory). */
    public static synchronized Path directory(String name) {
        try {
            return Files.createDirectories(scratch().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path scratch() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("bayes2imc-fuzz");
            Path d = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> s = Files.walk(d)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp directory is harmless
                }
            }));
        }
        return dir;
    }
}
