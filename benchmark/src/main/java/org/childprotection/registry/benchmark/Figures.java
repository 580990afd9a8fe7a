package org.childprotection.registry.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines the benchmark prints: each figure, its ratio to its raw PostgreSQL counterpart, and the target. */
final class Figures {

    private record Line(String name, String figure, String ratio, String target, boolean met) {
    }

    private final List<Line> lines = new ArrayList<>();

    void rate(String name, double value, String unit, Double raw, String rawName, double minimumRatio) {
        String ratio = raw == null ? "-" : String.format(Locale.ROOT, "%.0f%% of %s (%.0f %s)", 100 * value / raw,
                rawName, raw, unit);
        lines.add(new Line(name, String.format(Locale.ROOT, "%.0f %s", value, unit), ratio,
                String.format(Locale.ROOT, ">= %.0f%% of %s", 100 * minimumRatio, rawName),
                raw != null && value / raw >= minimumRatio));
    }

    void rateAtLeast(String name, double value, String unit, Double raw, String rawName, double minimum) {
        String ratio = raw == null ? "-" : String.format(Locale.ROOT, "%.0f%% of %s (%.0f %s)", 100 * value / raw,
                rawName, raw, unit);
        lines.add(new Line(name, String.format(Locale.ROOT, "%.0f %s", value, unit), ratio,
                String.format(Locale.ROOT, ">= %.0f %s", minimum, unit), value >= minimum));
    }

    void latency(String name, double p50, double p99, double maximumP99) {
        lines.add(new Line(name, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", p50, p99), "-",
                String.format(Locale.ROOT, "p99 < %.0f ms", maximumP99), p99 < maximumP99));
    }

    void info(String name, String figure) {
        lines.add(new Line(name, figure, "-", "-", true));
    }

    void print() {
        System.out.println();
        System.out.printf("%-46s | %-28s | %-44s | %-28s | %s%n", "measure", "figure", "ratio to raw PostgreSQL",
                "target", "met");
        for (Line line : lines) {
            System.out.printf("%-46s | %-28s | %-44s | %-28s | %s%n", line.name, line.figure, line.ratio, line.target,
                    line.target.equals("-") ? "" : line.met ? "yes" : "NO");
        }
    }
}
