package org.bayes2imc.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims an output location before a command does any work: creates it, proves it writable with a probe file (so an
 * unwritable --out fails in the first second with the OS reason, not after an epoch of training), and takes an
 * exclusive OS file lock on a lock file inside it for the rest of the run, so a second run writing to the same place
 * is refused instead of silently overwriting the first. The lock is an OS lock, not the file's existence: the kernel
 * drops it when the process dies (even by kill -9), so a lock file left by a killed run never blocks the next one.
 */
final class OutputDir {
    static final String LOCK_FILE = ".bayes2imc.lock";
    private static final List<FileChannel> HELD = new ArrayList<>();

    private OutputDir() {
    }

    /** Claims a results directory named by {@code option}. */
    static Path claim(String option, Path dir) {
        return claim(option, dir, LOCK_FILE);
    }

    /** Claims {@code dir} with a lock file of the given name (a model file's own lock beside it). */
    static synchronized Path claim(String option, Path dir, String lockName) {
        String where = option + " " + dir;
        writable(option, dir);
        Path lockFile = dir.resolve(lockName);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot open the lock file " + lockName + " (" + reason(e) + ")");
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by an earlier command of this same JVM (in-process runs)
        } catch (IOException e) {
            close(ch);
            throw new IllegalArgumentException(where + ": cannot lock " + lockName + " (" + reason(e) + ")");
        }
        if (lock == null) {
            close(ch);
            throw new IllegalArgumentException(where + ": another bayes2imc run is writing there (it holds "
                    + lockName + "); wait for it to finish or choose another " + option);
        }
        try {
            // for a person who looks: which process holds it (informative only; the OS lock is what counts)
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException ignored) {
            // the lock is held; the note is a courtesy
        }
        HELD.add(ch);
        return dir;
    }

    /**
     * Creates {@code dir} if needed and proves it writable by writing and deleting a probe file, without locking it
     * (for shared places such as the data cache, whose fetcher has its own lock and waits for other fetches).
     */
    static Path writable(String option, Path dir) {
        String where = option + " " + dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(where + ": is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot create the directory (" + reason(e) + ")");
        }
        Path probe = dir.resolve(".bayes2imc-probe-" + ProcessHandle.current().pid());
        try {
            Files.write(probe, new byte[] {0});
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not writable (" + reason(e) + ")");
        }
        return dir;
    }

    /** Releases every lock this process holds (end of a command; the OS would do it at exit anyway). */
    static synchronized void releaseAll() {
        HELD.forEach(OutputDir::close);
        HELD.clear();
    }

    /** The operating system's reason ("Permission denied", "Read-only file system"), not just the path. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "a file is in the way: " + f.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing releases the lock; nothing else to do
        }
    }
}
