package dev.hprune.cli.report;

import java.util.Locale;

/** How numbers read in tables: accuracies in percent, counts with thousands separators. */
public final class Numbers {
    private Numbers() {}

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A count in k/M/G for MACs. */
    public static String compact(long value) {
        if (value >= 10_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f G", value / 1e9);
        }
        if (value >= 10_000_000L) {
            return String.format(Locale.ROOT, "%.1f M", value / 1e6);
        }
        if (value >= 10_000L) {
            return String.format(Locale.ROOT, "%.1f k", value / 1e3);
        }
        return Long.toString(value);
    }

    public static String relative(long value, long reference) {
        return reference == 0 ? "" : String.format(Locale.ROOT, "%.0f %%", 100.0 * value / reference);
    }
}
