package org.childprotection.registry.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines the benchmark prints: each figure, its ratio to its baseline (raw PostgreSQL, the floor), and the target. */
final class Figures {

    private record Line(String name, String figure, String ratio, String target, boolean met) {
    }

    private final List<Line> lines = new ArrayList<>();

    void rate(String name, double value, String unit, Double raw, String rawName, double minimumRatio) {
        rate(name, value, unit, raw, rawName, minimumRatio, null, true);
    }

    /** As {@link #rate(String, double, String, Double, String, double)}, and the target also needs {@code condition}. */
    void rate(String name, double value, String unit, Double raw, String rawName, double minimumRatio,
              String condition, boolean conditionHolds) {
        lines.add(new Line(name, figure(value, unit), ratio(value, raw, rawName),
                String.format(Locale.ROOT, ">= %.0f%% of %s", 100 * minimumRatio, rawName)
                        + (condition == null ? "" : ", " + condition),
                raw != null && value / raw >= minimumRatio && conditionHolds));
    }

    /** A figure other figures are measured against: its own ratio, no target. */
    void baseline(String name, double value, String unit, Double raw, String rawName) {
        lines.add(new Line(name, figure(value, unit), ratio(value, raw, rawName), "-", true));
    }

    void rateAtLeast(String name, double value, String unit, Double raw, String rawName, double minimum) {
        lines.add(new Line(name, figure(value, unit), ratio(value, raw, rawName),
                String.format(Locale.ROOT, ">= %.0f %s", minimum, unit), value >= minimum));
    }

    void latency(String name, double p50, double p99, double maximumP99) {
        lines.add(new Line(name, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", p50, p99), "-",
                String.format(Locale.ROOT, "p99 < %.0f ms", maximumP99), p99 < maximumP99));
    }

    /** A figure that is not a rate, against a target of its own. */
    void check(String name, String figure, String target, boolean met) {
        lines.add(new Line(name, figure, "-", target, met));
    }

    void info(String name, String figure) {
        lines.add(new Line(name, figure, "-", "-", true));
    }

    private static String figure(double value, String unit) {
        return String.format(Locale.ROOT, "%.0f %s", value, unit);
    }

    private static String ratio(double value, Double raw, String rawName) {
        // the baseline's own figure is on its line; its unit may differ (tx/s, requests/s)
        return raw == null ? "-" : String.format(Locale.ROOT, "%.0f%% of %s (%.0f)", 100 * value / raw, rawName, raw);
    }

    void print() {
        System.out.println();
        System.out.printf("%-46s | %-28s | %-44s | %-38s | %s%n", "measure", "figure", "ratio to its baseline",
                "target", "met");
        for (Line line : lines) {
            System.out.printf("%-46s | %-28s | %-44s | %-38s | %s%n", line.name, line.figure, line.ratio, line.target,
                    line.target.equals("-") ? "" : line.met ? "yes" : "NO");
        }
    }
}
