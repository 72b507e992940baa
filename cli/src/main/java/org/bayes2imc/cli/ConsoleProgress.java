package org.bayes2imc.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bayes2imc.io.Progress;

import java.time.Duration;

/** Shows domain progress as console progress bars with rate and ETA (me.tongfei:progressbar) on stderr. */
public final class ConsoleProgress implements Progress {
    public static final ConsoleProgress INSTANCE = new ConsoleProgress();

    @Override
    public Task start(String task, long totalSteps) {
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

    private static Duration eta(long current, long max, Duration elapsed) {
        if (current <= 0 || max <= 0) {
            return null;
        }
        return elapsed.multipliedBy(Math.max(0, max - current)).dividedBy(current);
    }
}
