package org.bayes2imc.data;

import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fills the data cache from Debian packages and verifies it (docs/MODEL.md §3). Idempotent: a dataset whose files match the
 * stamp written after their last verification (CACHE/&lt;name&gt;/.verified: name, size, modification time) is left
 * alone. Concurrent fetches (several test JVMs) are serialised by a lock file CACHE/.lock.
 */
public final class DataFetcher {
    private static final String STAMP = ".verified";
    private static final Object JVM_LOCK = new Object();

    private final Path dataDir;
    private final Consumer<String> log;
    private final DebianPackages packages;

    /** @param log progress lines (the CLI prints them on stderr) */
    public DataFetcher(Path dataDir, Consumer<String> log) {
        this.dataDir = dataDir.toAbsolutePath();
        this.log = log;
        this.packages = new DebianPackages(this.dataDir, log);
    }

    /** What a fetch did: {@code didWork} is false when the dataset was already verified; summary in words. */
    public record Outcome(String name, Path directory, boolean didWork, String summary) {
    }

    /** Cache state of a dataset. */
    public enum State {
        /** All files present and verified. */
        VERIFIED,
        /** Some or all files present but not (or no longer) matching their verification. */
        UNVERIFIED,
        /** Not in the cache. */
        MISSING
    }

    /** One row of {@code data list}. */
    public record Status(String name, String debianPackage, Path directory, State state, String detail) {
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Makes the named dataset ("fashion-mnist", "digits", "breast-cancer") present and verified in the cache.
     *
     * @throws PackageFetchException when apt-get or dpkg-deb is missing or fails (it carries the manual commands)
     * @throws InputException        when a file fails verification
     */
    public Outcome fetch(String name) {
        CachedDataset ds = CachedDataset.byName(name);
        Path dir = ds.directory(dataDir);
        if (stampMatches(ds)) {
            log.accept(name + ": already verified in " + dir + " (nothing to do)");
            return new Outcome(name, dir, false, "already verified, nothing to do");
        }
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
            }
            try (FileChannel ch = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (stampMatches(ds)) {
                    log.accept(name + ": verified by a concurrent fetch in " + dir + " (nothing to do)");
                    return new Outcome(name, dir, false, "verified by a concurrent fetch, nothing to do");
                }
                return new Outcome(name, dir, true, fetchLocked(ds, dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + dataDir.resolve(".lock") + ": " + e.getMessage(), e);
            }
        }
    }

    /** The state of every fetchable dataset; {@code reverify} re-checks the file contents, not only the stamp. */
    public List<Status> list(boolean reverify) {
        List<Status> out = new ArrayList<>();
        for (CachedDataset ds : CachedDataset.values()) {
            Path dir = ds.directory(dataDir);
            long present = ds.files().stream().filter(f -> Files.isRegularFile(dir.resolve(f.fileName()))).count();
            State state;
            String detail;
            if (present == 0) {
                state = State.MISSING;
                detail = "run: bayes2imc data fetch " + ds.id();
            } else if (present < ds.files().size()) {
                state = State.UNVERIFIED;
                detail = present + " of " + ds.files().size() + " files present";
            } else if (!stampMatches(ds)) {
                state = State.UNVERIFIED;
                detail = "files changed since verification or never verified";
            } else {
                state = State.VERIFIED;
                detail = files(ds);
                if (reverify) {
                    String problem = problem(ds, dir);
                    if (problem != null) {
                        state = State.UNVERIFIED;
                        detail = problem;
                    }
                }
            }
            out.add(new Status(ds.id(), ds.debianPackage(), dir, state, detail));
        }
        return out;
    }

    /** Does the work under the lock; returns what it did in words. */
    private String fetchLocked(CachedDataset ds, Path dir) throws IOException {
        boolean allPresent = ds.files().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f.fileName())));
        if (allPresent) {
            String problem = problem(ds, dir);
            if (problem == null) {
                writeStamp(ds, dir);
                log.accept(ds.id() + ": existing files verified in " + dir);
                return "existing files verified";
            }
            log.accept(ds.id() + ": existing files fail verification (" + problem + "); taking them again from the package");
        }
        List<String> needed = ds.files().stream().map(CachedDataset.CachedFile::packagePath).toList();
        Path root = packages.unpacked(ds.debianPackage(), needed);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(STAMP));
        for (CachedDataset.CachedFile f : ds.files()) {
            Path target = dir.resolve(f.fileName());
            Path tmp = Files.createTempFile(dir, "." + f.fileName() + ".", ".tmp");
            try {
                Files.copy(root.resolve(f.packagePath()), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        for (CachedDataset.CachedFile f : ds.files()) {
            log.accept(ds.id() + ": verifying " + f.fileName());
            f.verifier().verify(dir.resolve(f.fileName()));
        }
        writeStamp(ds, dir);
        packages.clean(ds.debianPackage());
        log.accept(ds.id() + ": fetched and verified " + files(ds) + " in " + dir);
        return "fetched and verified";
    }

    private static String files(CachedDataset ds) {
        return ds.files().size() == 1 ? "1 file" : ds.files().size() + " files";
    }

    /** The first verification failure as text, or null when every file passes. */
    private static String problem(CachedDataset ds, Path dir) {
        for (CachedDataset.CachedFile f : ds.files()) {
            try {
                f.verifier().verify(dir.resolve(f.fileName()));
            } catch (InputException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    private boolean stampMatches(CachedDataset ds) {
        Path dir = ds.directory(dataDir);
        Path stamp = dir.resolve(STAMP);
        try {
            return Files.isRegularFile(stamp) && Files.readString(stamp).equals(stampText(ds, dir));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void writeStamp(CachedDataset ds, Path dir) {
        AtomicFiles.writeString(dir.resolve(STAMP), stampText(ds, dir));
    }

    private static String stampText(CachedDataset ds, Path dir) {
        StringBuilder sb = new StringBuilder();
        for (CachedDataset.CachedFile f : ds.files()) {
            Path p = dir.resolve(f.fileName());
            try {
                sb.append(f.fileName()).append('\t').append(Files.size(p)).append('\t')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }
}
