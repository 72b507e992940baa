package org.bayes2imc.sweep.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on localhost for tests: a master and one worker, each its own JVM started from
 * this JVM's class path, with a SPARK_HOME whose jars/ links to the class path's jars (the worker builds its
 * executors' class path from it; class folders go to spark.executor.extraClassPath).
 */
final class StandaloneCluster implements AutoCloseable {
    static final String FLAGS = String.join(" ", "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");
    private final Process master;
    private final Process worker;
    final String url;
    final String classFolders;

    StandaloneCluster(Path dir, int cores) throws IOException, InterruptedException {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        List<String> folders = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(p);
            if (p.endsWith(".jar") && Files.isRegularFile(path) && names.add(path.getFileName().toString())) {
                Files.createSymbolicLink(home.resolve("jars").resolve(path.getFileName()), path.toAbsolutePath());
            } else if (Files.isDirectory(path)) {
                folders.add(path.toAbsolutePath().toString());
            }
        }
        classFolders = String.join(File.pathSeparator, folders);
        int port = freePort();
        url = "spark://127.0.0.1:" + port;
        master = start(home, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        worker = start(home, dir.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(cores),
                "--memory", "1g", "--work-dir", dir.resolve("work").toString(), url);
        await(dir.resolve("worker.log"), "Successfully registered with master", 120);
    }

    private static Process start(Path home, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        cmd.addAll(Arrays.asList(FLAGS.split(" ")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private void await(Path log, String line, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!master.isAlive() || !worker.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the standalone worker did not register within " + seconds + " s; its log:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : List.of(worker, master)) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
