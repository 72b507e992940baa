package org.bayes2imc.cli.kill;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real tool as a separate process through the repository's launcher script {@code ./bayes2imc}, so the
 * JVM flags, classpath (cli/target/bayes2imc.jar + cli/target/lib/*) and environment are whatever the launcher
 * uses at the time. The launcher {@code exec}s java, so the process started here is the JVM itself and a SIGKILL
 * sent to it kills the tool, not a wrapper shell.
 */
final class Launcher {
    /** Heap and one PyTorch thread: the tool's results do not depend on them, and the build machine is shared. */
    static final String JAVA_OPTS = "-Xmx1g -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1";

    private final Path root;
    private final Path dataDir;

    Launcher(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
    }

    /** The repository root: the nearest folder above the working directory that holds the launcher. */
    static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("bayes2imc"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("launcher ./bayes2imc not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /**
     * Marks the packaged tool as current for the launcher. This test runs in the integration-test phase, right
     * after this Maven run's package phase built cli/target/bayes2imc.jar and lib/ from the sources on disk; the
     * launcher only trusts its own stamp file, which it touches after building, so without this it would start a
     * nested Maven build, and a kill would then hit Maven instead of the tool.
     */
    void markBuilt() throws IOException {
        Path jar = root.resolve("cli/target/bayes2imc.jar");
        Path stamp = root.resolve("cli/target/lib/.built");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: run through mvn verify (after the package phase)");
        }
        if (!Files.exists(stamp)) {
            Files.createFile(stamp);
        }
        Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis()));
    }

    /** Starts {@code ./bayes2imc args...}; standard output and error go to {@code log}. */
    Process start(Path log, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(root.resolve("bayes2imc").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("BAYES2IMC_JAVA_OPTS", JAVA_OPTS);
        env.put("BAYES2IMC_DATA_DIR", dataDir.toString());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
