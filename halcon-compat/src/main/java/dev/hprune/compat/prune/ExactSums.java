package dev.hprune.compat.prune;

import java.util.Arrays;

/**
 * One exact running sum per channel. Each sum is held as non-overlapping partial doubles of increasing magnitude whose
 * exact total is the exact sum of everything added (Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast
 * Robust Geometric Predicates", 1997; the scheme of Python's math.fsum). Exact sums do not depend on the order of the
 * additions, so scores accumulated in several processes and merged are bit for bit the scores of one process.
 *
 * <p>Infinities and NaN cannot be split into partials; they are summed apart (plain addition, whose result does not
 * depend on order either) and, when present, are the channel's value. Not thread-safe: {@link KernelScores} locks.
 */
final class ExactSums {
    private final double[][] parts;
    private final int[] counts;
    private final double[] nonFinite;

    ExactSums(int channels) {
        parts = new double[channels][];
        counts = new int[channels];
        nonFinite = new double[channels];
        for (int c = 0; c < channels; c++) {
            parts[c] = new double[2];
        }
    }

    int channels() {
        return counts.length;
    }

    /** Adds {@code x} to channel {@code c} exactly. */
    void add(int c, double x) {
        if (!Double.isFinite(x)) {
            nonFinite[c] += x;
            return;
        }
        double[] p = parts[c];
        int kept = 0;
        for (int i = 0; i < counts[c]; i++) {
            double y = p[i];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            // hi + lo == x + y exactly (Knuth/Dekker two-sum with |x| >= |y|); a zero remainder needs no partial.
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) {
                p[kept++] = lo;
            }
            x = hi;
        }
        if (kept == p.length) {
            p = parts[c] = Arrays.copyOf(p, p.length * 2);
        }
        p[kept++] = x;
        counts[c] = kept;
    }

    /** Adds everything {@code other} holds, exactly. */
    void addAll(ExactSums other) {
        for (int c = 0; c < channels(); c++) {
            for (double part : other.terms(c)) {
                add(c, part);
            }
        }
    }

    /**
     * Terms whose exact sum is channel {@code c}'s value: the partials, then the non-finite sum when there is one.
     * Adding them to an empty channel reproduces the channel exactly (the file form of a score).
     */
    double[] terms(int c) {
        double[] terms = Arrays.copyOf(parts[c], counts[c] + (nonFinite[c] != 0 ? 1 : 0));
        if (nonFinite[c] != 0) {
            terms[counts[c]] = nonFinite[c];
        }
        return terms;
    }

    /** Channel {@code c}'s exact sum, correctly rounded to the nearest double (ties to even). */
    double value(int c) {
        if (nonFinite[c] != 0) { // also true for NaN
            return nonFinite[c];
        }
        double[] p = parts[c];
        int n = counts[c];
        if (n == 0) {
            return 0.0;
        }
        double hi = p[--n];
        double lo = 0;
        // Sum from the largest partial down until a remainder is lost: then hi is the sum rounded to nearest, except
        // in a tie, where the lower partials decide.
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0) {
                break;
            }
        }
        // lo is exactly half an ulp of hi when hi + lo is a tie that was rounded to even; if the rest below has the
        // same sign as lo, the exact sum lies beyond the tie and must round away from hi.
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }
}
