package org.bayes2imc.train;

import org.bayes2imc.io.Progress;

/** Prints progress messages to stderr, at most one every few seconds (for command-line runs without a console bar). */
final class PrintProgress implements Progress {
    @Override
    public Task start(String task, long totalSteps) {
        return new Task() {
            long done;
            long last = System.nanoTime();

            @Override
            public void step(long n) {
                done += n;
            }

            @Override
            public void message(String extra) {
                long now = System.nanoTime();
                if (now - last > 10_000_000_000L) {
                    last = now;
                    System.err.println(task + " " + done + "/" + totalSteps + " " + extra);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
