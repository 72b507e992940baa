package org.bayes2imc.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bayes2imc.io.Progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows domain progress on stderr: an animated bar with rate and ETA (me.tongfei:progressbar) on a terminal, and
 * plain periodic lines ({@link PlainProgress}) when stderr goes to a file or pipe, where the bar's carriage returns
 * and ANSI escape codes would only be noise in the log.
 */
public final class ConsoleProgress implements Progress {
    public static final ConsoleProgress INSTANCE = new ConsoleProgress();
    /** Set by the launcher to yes/no from {@code [ -t 2 ]}: Java 17 cannot tell whether stderr is a terminal. */
    static final String TERMINAL_ENV = "BAYES2IMC_STDERR_TERMINAL";

    @Override
    public Task start(String task, long totalSteps) {
        if (!stderrIsTerminal()) {
            return new PlainProgress(System.err, task, totalSteps, System::nanoTime);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalSteps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .setEtaFunction(state -> java.util.Optional.ofNullable(eta(state.getCurrent(), state.getMax(), state.getElapsedAfterStart())))
                .continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
                .build();
        return new Task() {
            @Override
            public void step(long n) {
                bar.stepBy(n);
            }

            @Override
            public void message(String extra) {
                bar.setExtraMessage(extra);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** True only when stderr is known to be a terminal (launcher's note, else a console and unreplaced stderr). */
    static boolean stderrIsTerminal() {
        String note = System.getenv(TERMINAL_ENV);
        if (note != null) {
            return note.equals("yes");
        }
        return System.console() != null && System.err == STARTUP_ERR;
    }

    private static final PrintStream STARTUP_ERR = System.err;

    static Duration eta(long current, long max, Duration elapsed) {
        if (current <= 0 || max <= 0) {
            return null;
        }
        return elapsed.multipliedBy(Math.max(0, max - current)).dividedBy(current);
    }
}
