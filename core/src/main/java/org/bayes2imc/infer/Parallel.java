package org.bayes2imc.infer;

import org.bayes2imc.io.InvalidSetting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The inference engine's one way of running work in parallel: over a task count fixed by the caller (images, batch
 * chunks, members), each task writing only its own outputs. Because the partition never depends on the thread count
 * and no value is reduced across tasks, results are bit-identical at any thread count.
 *
 * <p>The thread count is passed in, not global: a study runs its work inside {@link #call} of the engine it was
 * configured with ({@code Parallel.of(threads).call(...)}), which binds that engine to the calling thread for the
 * extent of the call; {@link #forEach} runs on the bound engine, or on all available processors where none is bound.
 * Two studies in one JVM with different thread counts do not disturb each other.
 */
public final class Parallel {
    /** One pool per thread count, started on first use and shared by every study asking for that count. */
    private static final Map<Integer, Parallel> BY_THREADS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Parallel> BOUND = new ThreadLocal<>();

    private final int threads;
    private volatile ForkJoinPool pool;

    private Parallel(int threads) {
        this.threads = threads;
    }

    /** The engine with {@code threads} worker threads (≥ 1; ForkJoinPool's limit is 32767). */
    public static Parallel of(int threads) {
        InvalidSetting.range("threads", threads, 1, 32767);
        return BY_THREADS.computeIfAbsent(threads, Parallel::new);
    }

    /** All available processors: the engine of code that did not bind one. */
    public static Parallel machine() {
        return of(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The engine bound to the calling thread, else {@link #machine()}. */
    public static Parallel current() {
        Parallel p = BOUND.get();
        return p != null ? p : machine();
    }

    /** Worker threads of this engine. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body} with this engine bound to the calling thread (restoring the previous binding after). */
    public <T> T call(Supplier<T> body) {
        Parallel previous = BOUND.get();
        BOUND.set(this);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    /** As {@link #call}, for a body without a result. */
    public void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    private synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(threads);
        }
        return pool;
    }

    /**
     * Runs {@code body.accept(t)} for every t in [0, tasks) on the calling thread's engine ({@link #current()}).
     * Nested calls from inside a task run serially in the calling worker (the outer level already holds every thread).
     */
    public static void forEach(int tasks, IntConsumer body) {
        current().forEachTask(tasks, body);
    }

    private void forEachTask(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        if (threads == 1 || tasks == 1 || ForkJoinTask.inForkJoinPool()) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        pool().submit(() -> IntStream.range(0, tasks).parallel().forEach(body)).join();
    }
}
