package org.bayes2imc.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The fixed short fuzzing budget of the normal build: a deterministic (seeded), mutation-based fuzzer over a fuzz
 * test's Jazzer seed corpus ({@code <Class>Inputs/<method>/} in the test resources). It needs no native agent and
 * no JAZZER_FUZZ, so every {@code mvn verify} runs the same few thousand mutated inputs per parser; Jazzer's
 * coverage-guided run (JAZZER_FUZZ=1) is the long campaign. Mutations are the classic ones that break binary
 * parsers: bit flips, "interesting" integers over length fields (both endiannesses), truncation, deletion,
 * duplication, random insertion and splicing of two seeds.
 */
public final class SeedMutator {
    private static final long[] INTERESTING = {0, 1, -1, 2, 7, 8, 255, 256, 0x7f, 0x80, 0xffff, 0x7fffffffL,
            0x80000000L, 0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, 100L * 1024 * 1024, 3073, 3074};

    /** Characters that matter to the CSV, JSON and YAML parsers. */
    private static final String TEXT = ",.-:{}[]\"\n 0123456789eE&*!#|>'";

    private final Random rnd;
    private final List<byte[]> seeds;

    private SeedMutator(long seed, List<byte[]> seeds) {
        this.rnd = new Random(seed);
        this.seeds = seeds;
    }

    /**
     * Runs {@code target} on every seed of {@code testClass}'s corpus for {@code method}, then on {@code iterations}
     * mutants; returns the number of executions. Fails if the corpus is missing (a silently empty run tests nothing).
     */
    public static int fuzz(Class<?> testClass, String method, long seed, int iterations, Consumer<byte[]> target) {
        List<byte[]> corpus = corpus(testClass, method);
        if (corpus.isEmpty()) {
            throw new AssertionError("no seed corpus for " + testClass.getSimpleName() + "#" + method);
        }
        corpus.forEach(target);
        SeedMutator m = new SeedMutator(seed, corpus);
        for (int i = 0; i < iterations; i++) {
            byte[] input = m.next();
            try {
                target.accept(input);
            } catch (RuntimeException | Error e) {
                // keep the input so the crash can be added to the corpus and replayed
                Path saved = save(testClass.getSimpleName() + "-" + method + "-" + seed + "-" + i + ".bin", input);
                throw new AssertionError(testClass.getSimpleName() + "#" + method + " crashed on mutant " + i
                        + " (seed " + seed + "), input saved as " + saved + ": " + hex(input), e);
            }
        }
        return corpus.size() + iterations;
    }

    /** The files of the Jazzer inputs directory {@code <Class>Inputs/<method>/} next to the test class. */
    static List<byte[]> corpus(Class<?> testClass, String method) {
        URL url = testClass.getResource(testClass.getSimpleName() + "Inputs/" + method);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] next() {
        byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        int len = b.length;
        switch (rnd.nextInt(8)) {
            case 0 -> { // flip one bit
                if (len > 0) {
                    b[rnd.nextInt(len)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> { // an interesting integer over 1, 2, 4 or 8 bytes, little- or big-endian
                long v = INTERESTING[rnd.nextInt(INTERESTING.length)];
                int w = 1 << rnd.nextInt(4);
                if (len >= w) {
                    int at = rnd.nextInt(len - w + 1);
                    boolean big = rnd.nextBoolean();
                    for (int k = 0; k < w; k++) {
                        b[at + k] = (byte) (v >>> (8 * (big ? w - 1 - k : k)));
                    }
                }
            }
            case 2 -> b = Arrays.copyOf(b, len == 0 ? 0 : rnd.nextInt(len)); // truncate
            case 3 -> { // delete a range
                if (len > 1) {
                    int from = rnd.nextInt(len);
                    int to = Math.min(len, from + 1 + rnd.nextInt(Math.max(1, len / 4)));
                    byte[] c = new byte[len - (to - from)];
                    System.arraycopy(b, 0, c, 0, from);
                    System.arraycopy(b, to, c, from, len - to);
                    b = c;
                }
            }
            case 4 -> { // duplicate a range
                if (len > 0) {
                    int from = rnd.nextInt(len);
                    int n = 1 + rnd.nextInt(Math.min(len - from, 64));
                    b = insert(b, rnd.nextInt(len + 1), Arrays.copyOfRange(b, from, from + n));
                }
            }
            case 5 -> { // insert random bytes, or printable ones (the text formats)
                byte[] ins = new byte[1 + rnd.nextInt(8)];
                for (int k = 0; k < ins.length; k++) {
                    ins[k] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) TEXT.charAt(rnd.nextInt(TEXT.length()));
                }
                b = insert(b, rnd.nextInt(len + 1), ins);
            }
            case 6 -> { // splice: the head of this input, the tail of another seed
                byte[] other = seeds.get(rnd.nextInt(seeds.size()));
                int cut = len == 0 ? 0 : rnd.nextInt(len);
                int from = other.length == 0 ? 0 : rnd.nextInt(other.length);
                byte[] c = Arrays.copyOf(b, cut + other.length - from);
                System.arraycopy(other, from, c, cut, other.length - from);
                b = c;
            }
            default -> { // overwrite one byte with a random value
                if (len > 0) {
                    b[rnd.nextInt(len)] = (byte) rnd.nextInt(256);
                }
            }
        }
        return b;
    }

    private static Path save(String name, byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-crashes"));
            return Files.write(dir.resolve(name), input).toAbsolutePath();
        } catch (IOException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
    }

    private static byte[] insert(byte[] b, int at, byte[] ins) {
        byte[] c = new byte[b.length + ins.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(b, at, c, at + ins.length, b.length - at);
        return c;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 512); i++) {
            s.append(String.format("%02x", b[i]));
        }
        return b.length > 512 ? s + "... (" + b.length + " bytes)" : s.toString();
    }
}
