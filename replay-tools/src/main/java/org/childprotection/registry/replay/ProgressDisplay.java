package org.childprotection.registry.replay;

import org.childprotection.registry.projection.ProjectionRebuild;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Progress of a replay: a bar with events/s and ETA on a terminal, plain lines (at most one every two seconds,
 * and the last) otherwise, so logs and CI output stay readable.
 */
final class ProgressDisplay implements ProjectionRebuild.Listener, AutoCloseable {

    private static final long LINE_INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final String task;
    private final PrintWriter lines;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private long lastLineNanos;
    private long firstApplied = -1;

    ProgressDisplay(String task, PrintWriter lines, boolean terminal) {
        this.task = task;
        this.lines = lines;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setUnit(" events", 1).showSpeed()
                .setStyle(ProgressBarStyle.ASCII).setSpeedUnit(ChronoUnit.SECONDS).build() : null;
    }

    @Override
    public void progress(long applied, long total) {
        if (firstApplied < 0) {
            firstApplied = applied;
        }
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(applied);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLineNanos < LINE_INTERVAL_NANOS && applied < total) {
            return;
        }
        lastLineNanos = now;
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        long rate = Math.round((applied - firstApplied) / seconds);
        String eta = rate > 0 ? Math.round((total - applied) / (double) rate) + " s" : "unknown";
        lines.printf("%s: %d/%d events (%d%%), %d events/s, ETA %s%n", task, applied, total,
                total == 0 ? 100 : applied * 100 / total, rate, eta);
        lines.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
