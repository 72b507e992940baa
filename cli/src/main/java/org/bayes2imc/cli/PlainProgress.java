package org.bayes2imc.cli;

import org.bayes2imc.io.Progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for a log file: one plain line each time another 10 % is done or 10 s have passed, whichever comes
 * first, and one at the end; no carriage returns or escape codes. Steps may come from several worker threads.
 */
final class PlainProgress implements Progress.Task {
    static final long INTERVAL_NANOS = 10_000_000_000L;
    private final PrintStream out;
    private final String task;
    private final long total;
    private final LongSupplier clock;
    private final long start;
    private long done;
    private long lastLine;
    private long lastTenth;
    private String extra = "";

    PlainProgress(PrintStream out, String task, long total, LongSupplier clock) {
        this.out = out;
        this.task = task;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    @Override
    public synchronized void step(long n) {
        done += n;
        long now = clock.getAsLong();
        long tenth = total > 0 ? Math.min(10, done * 10 / total) : 0;
        if (tenth > lastTenth || now - lastLine >= INTERVAL_NANOS) {
            lastTenth = Math.max(lastTenth, tenth);
            lastLine = now;
            line(now, false);
        }
    }

    @Override
    public synchronized void message(String extra) {
        this.extra = extra == null ? "" : extra;
    }

    @Override
    public synchronized void close() {
        if (lastTenth < 10) { // the last line is not yet the 100 % one
            line(clock.getAsLong(), true);
        }
    }

    private void line(long now, boolean end) {
        double seconds = (now - start) / 1e9;
        StringBuilder b = new StringBuilder(task).append(": ");
        if (total > 0) {
            b.append(String.format(Locale.ROOT, "%3d %% (%d/%d)", done * 100 / total, done, total));
        } else {
            b.append(done);
        }
        b.append(String.format(Locale.ROOT, ", %.0f s", seconds));
        var eta = ConsoleProgress.eta(done, total, java.time.Duration.ofNanos(now - start));
        if (!end && eta != null && done < total) {
            b.append(String.format(Locale.ROOT, ", ETA %d s", Math.round(eta.toMillis() / 1000.0)));
        }
        if (!extra.isEmpty()) {
            b.append(", ").append(extra);
        }
        out.println(b);
    }
}
