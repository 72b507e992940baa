package org.bayes2imc.infer;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The inference engine's thread setting and its one way of running work in parallel: over a task count fixed by
 * the caller (images, batch chunks, members), each task writing only its own outputs. Because the partition never
 * depends on the thread count and no value is reduced across tasks, results are bit-identical at any thread count.
 */
public final class Parallel {
    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /** Worker threads used by the engine (default: available processors). */
    public static int threads() {
        return threads;
    }

    /** Sets the worker thread count (≥ 1). */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new org.bayes2imc.io.InvalidSetting("threads", "must be at least 1, got " + n);
        }
        if (n != threads) {
            ForkJoinPool old = pool;
            pool = null;
            threads = n;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    private static synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(threads);
        }
        return pool;
    }

    /**
     * Runs {@code body.accept(t)} for every t in [0, tasks). Nested calls from inside a task run serially in the
     * calling worker (the outer level already holds every thread).
     */
    public static void forEach(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        int n = threads;
        if (n == 1 || tasks == 1 || ForkJoinTask.inForkJoinPool()) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        pool().submit(() -> IntStream.range(0, tasks).parallel().forEach(body)).join();
    }
}
