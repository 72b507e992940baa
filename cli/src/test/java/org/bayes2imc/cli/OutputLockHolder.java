package org.bayes2imc.cli;

import java.nio.file.Path;

/** A second process for {@link OutputDirTest}: claims the folder in args[0] as a command would, says so, and waits. */
final class OutputLockHolder {
    private OutputLockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        OutputDir.claim("--out", Path.of(args[0]));
        System.out.println("claimed");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until the test kills it (kill -9)
    }
}
