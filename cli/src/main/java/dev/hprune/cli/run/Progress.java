package dev.hprune.cli.run;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on stderr (me.tongfei:progressbar), or nothing with --quiet. */
public final class Progress {
    private final PrintStream stream;
    private final boolean quiet;

    public Progress(PrintStream stream, boolean quiet) {
        this.stream = stream;
        this.quiet = quiet;
    }

    public boolean quiet() {
        return quiet;
    }

    /** A bar over {@code total} steps; close it when done. */
    public Bar start(String task, long total) {
        if (quiet) {
            return new Bar(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setConsumer(new ConsoleProgressBarConsumer(stream, 100))
                .build();
        return new Bar(bar);
    }

    /** One bar; all methods do nothing when quiet. */
    public static final class Bar implements AutoCloseable {
        private final ProgressBar bar;

        Bar(ProgressBar bar) {
            this.bar = bar;
        }

        public void stepBy(long n) {
            if (bar != null) {
                bar.stepBy(n);
            }
        }

        public void extra(String message) {
            if (bar != null) {
                bar.setExtraMessage(message);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
