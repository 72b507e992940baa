package org.bayes2imc.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Takes files out of Debian packages without root (docs/MODEL.md §3): {@code apt-get download NAME} into CACHE/debs (a
 * .deb already there is reused), then {@code dpkg-deb -x} into CACHE/pkgs/NAME.
 */
final class DebianPackages {
    private final Path debDir;
    private final Path pkgDir;
    private final Consumer<String> log;

    DebianPackages(Path dataDir, Consumer<String> log) {
        this.debDir = dataDir.resolve("debs");
        this.pkgDir = dataDir.resolve("pkgs");
        this.log = log;
    }

    /** CACHE/pkgs/NAME holding {@code needed} (relative paths), extracted now unless already there. */
    Path unpacked(String pkg, List<String> needed) {
        Path target = pkgDir.resolve(pkg);
        if (needed.stream().allMatch(p -> Files.isRegularFile(target.resolve(p)))) {
            log.accept(pkg + ": using the files already unpacked in " + target);
            return target;
        }
        Path deb = deb(pkg);
        log.accept(pkg + ": unpacking " + deb.getFileName() + " (dpkg-deb -x)");
        createDirectories(target);
        run(List.of("dpkg-deb", "-x", deb.toString(), target.toString()), debDir, pkg,
                "dpkg-deb -x " + deb + " could not unpack it (delete it to download again)");
        for (String p : needed) {
            if (!Files.isRegularFile(target.resolve(p))) {
                throw new PackageFetchException(deb + ": has no file " + p, commands(pkg));
            }
        }
        return target;
    }

    /** Removes CACHE/pkgs/NAME once its files are copied out. */
    void clean(String pkg) {
        deleteTree(pkgDir.resolve(pkg));
        try {
            Files.deleteIfExists(pkgDir); // only when empty
        } catch (IOException ignored) {
            // Another package is still unpacked there.
        }
    }

    /** The package's .deb in CACHE/debs, downloaded with apt-get unless one is already there. */
    Path deb(String pkg) {
        Path existing = findDeb(debDir, pkg);
        if (existing != null) {
            log.accept(pkg + ": reusing " + existing);
            return existing;
        }
        createDirectories(debDir);
        Path tmp;
        try {
            tmp = Files.createTempDirectory(debDir, ".download-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + debDir + ": " + e.getMessage(), e);
        }
        try {
            log.accept(pkg + ": apt-get download " + pkg);
            run(List.of("apt-get", "download", pkg), tmp, pkg, "apt-get download " + pkg + " failed");
            Path got = findDeb(tmp, pkg);
            if (got == null) {
                throw new PackageFetchException("apt-get download " + pkg + " produced no " + pkg + "_*.deb", commands(pkg));
            }
            Path dest = debDir.resolve(got.getFileName());
            Files.move(got, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.accept(pkg + ": downloaded " + dest + " (" + Files.size(dest) / 1024 + " KiB)");
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the package in " + debDir + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The commands that do by hand what {@link #unpacked} does. */
    List<String> commands(String pkg) {
        return List.of(
                "mkdir -p '" + debDir + "' && cd '" + debDir + "' && apt-get download " + pkg
                        + "   # if apt-get cannot locate it: sudo apt-get update",
                "mkdir -p '" + pkgDir.resolve(pkg) + "' && dpkg-deb -x '" + debDir + "'/" + pkg + "_*.deb '" + pkgDir.resolve(pkg) + "'");
    }

    private void run(List<String> command, Path dir, String pkg, String failure) {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PackageFetchException(command.get(0) + " is not available here (" + e.getMessage() + ")", commands(pkg));
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                // Root without the _apt sandbox user: apt-get warns but downloads; the warning is harmless.
                if (!line.isBlank() && !line.contains("unsandboxed")) {
                    lines.add(line);
                    log.accept("  " + command.get(0) + ": " + line);
                }
            }
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new PackageFetchException(failure + " (timed out)", commands(pkg));
            }
        } catch (IOException e) {
            throw new PackageFetchException(failure + ": " + e.getMessage(), commands(pkg));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PackageFetchException(failure + " (interrupted)", commands(pkg));
        }
        if (p.exitValue() != 0) {
            String last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
            throw new PackageFetchException(failure + " (exit " + p.exitValue() + ")" + last, commands(pkg));
        }
    }

    private static Path findDeb(Path dir, String pkg) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(pkg + "_") && f.getFileName().toString().endsWith(".deb"))
                    .filter(Files::isRegularFile).max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path d) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + d + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless; the next download uses a fresh one.
        }
    }
}
