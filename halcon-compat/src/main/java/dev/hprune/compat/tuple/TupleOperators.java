package dev.hprune.compat.tuple;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.system.RandomSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * HALCON's tuple operators on plain values (a tuple is a {@code List<Object>} of {@link Long}, {@link Double},
 * {@link String} and handles), after the operator reference (https://www.mvtec.com/doc/halcon/2311/en/toc_tuple.html).
 *
 * <p>Errors count the operator's control parameters from 1: a wrong type is 1200+N, a wrong value (an index outside the
 * tuple, a step of 0) 1300+N, a wrong number of values 1400+N. Where HALCON's pages do not give the number, we use the
 * family of the parameter that is at fault (our reading; noted in each method). Index parameters take integers or reals
 * without fraction, as the reference says for tuple_first_n and tuple_last_n.
 */
public final class TupleOperators {
    private TupleOperators() {}

    // ---- selection ----

    /** tuple_length( : : Tuple : Length). */
    public static List<Object> tupleLength(List<Object> tuple) {
        return List.of((long) values(tuple, 1).size());
    }

    /** tuple_select( : : Tuple, Index : Selected): the elements at the 0-based indices, in their order; 1302 outside. */
    public static List<Object> tupleSelect(List<Object> tuple, List<Object> index) {
        List<Object> t = values(tuple, 1);
        List<Object> selected = new ArrayList<>();
        for (Object i : values(index, 2)) {
            selected.add(t.get(checkedIndex(toIndex(i, 2), t.size(), 2)));
        }
        return selected;
    }

    /**
     * tuple_select_range( : : Tuple, Leftindex, Rightindex : Selected): elements Leftindex..Rightindex; Rightindex =
     * Leftindex - 1 gives the empty tuple. An index outside the tuple is 1302 or 1303, a right index further left 1303.
     */
    public static List<Object> tupleSelectRange(List<Object> tuple, List<Object> leftIndex, List<Object> rightIndex) {
        List<Object> t = values(tuple, 1);
        long left = toIndex(ControlArgs.single(leftIndex, 2), 2);
        long right = toIndex(ControlArgs.single(rightIndex, 3), 3);
        if (left < 0 || left > t.size()) {
            throw ControlArgs.wrongValue(2, "Leftindex " + left + " outside a tuple of length " + t.size());
        }
        if (right < left - 1 || right >= t.size()) {
            throw ControlArgs.wrongValue(3, "Rightindex " + right + " with Leftindex " + left + " in a tuple of length "
                    + t.size());
        }
        return new ArrayList<>(t.subList((int) left, (int) right + 1));
    }

    /** tuple_first_n( : : Tuple, Index : Selected): elements 0..Index (Index+1 of them); an empty Tuple is 1401. */
    public static List<Object> tupleFirstN(List<Object> tuple, List<Object> index) {
        List<Object> t = nonEmpty(tuple, 1);
        long n = toIndex(ControlArgs.single(index, 2), 2);
        if (n < -1 || n >= t.size()) {
            throw ControlArgs.wrongValue(2, "Index " + n + " outside a tuple of length " + t.size());
        }
        return new ArrayList<>(t.subList(0, (int) n + 1));
    }

    /** tuple_last_n( : : Tuple, Index : Selected): elements Index..end; an empty Tuple is 1401. */
    public static List<Object> tupleLastN(List<Object> tuple, List<Object> index) {
        List<Object> t = nonEmpty(tuple, 1);
        long n = toIndex(ControlArgs.single(index, 2), 2);
        if (n < 0 || n > t.size()) {
            throw ControlArgs.wrongValue(2, "Index " + n + " outside a tuple of length " + t.size());
        }
        return new ArrayList<>(t.subList((int) n, t.size()));
    }

    /**
     * tuple_find( : : Tuple, ToFind : Index): the start index of every occurrence of ToFind as a contiguous
     * sub-sequence, or -1 when there is none (also when either tuple is empty). Numbers compare by value (1 equals 1.0),
     * a number never equals a string.
     */
    public static List<Object> tupleFind(List<Object> tuple, List<Object> toFind) {
        List<Object> t = values(tuple, 1);
        List<Object> f = values(toFind, 2);
        List<Object> found = new ArrayList<>();
        if (!f.isEmpty()) {
            for (int start = 0; start + f.size() <= t.size(); start++) {
                if (sameValues(t.subList(start, start + f.size()), f)) {
                    found.add((long) start);
                }
            }
        }
        return found.isEmpty() ? List.of(-1L) : found;
    }

    /** tuple_uniq( : : Tuple : Uniq): drops each element equal to the one before it (successive duplicates only). */
    public static List<Object> tupleUniq(List<Object> tuple) {
        List<Object> uniq = new ArrayList<>();
        for (Object value : values(tuple, 1)) {
            if (uniq.isEmpty() || !sameValue(uniq.get(uniq.size() - 1), value)) {
                uniq.add(value);
            }
        }
        return uniq;
    }

    /** tuple_inverse( : : Tuple : Inverted): the elements in reverse order. */
    public static List<Object> tupleInverse(List<Object> tuple) {
        List<Object> inverted = new ArrayList<>(values(tuple, 1));
        Collections.reverse(inverted);
        return inverted;
    }

    /** tuple_concat( : : T1, T2 : Concat). */
    public static List<Object> tupleConcat(List<Object> t1, List<Object> t2) {
        List<Object> concat = new ArrayList<>(values(t1, 1));
        concat.addAll(values(t2, 2));
        return concat;
    }

    // ---- sorting ----

    /** tuple_sort( : : Tuple : Sorted): ascending; all numbers (kept with their types) or all strings, else 1201. */
    public static List<Object> tupleSort(List<Object> tuple) {
        List<Object> sorted = new ArrayList<>(values(tuple, 1));
        sorted.sort(order(sorted, 1));
        return sorted;
    }

    /**
     * tuple_sort_index( : : Tuple : Indices): the indices that sort Tuple ascending. Equal elements keep their order
     * (a stable sort; HALCON does not document its tie order).
     */
    public static List<Object> tupleSortIndex(List<Object> tuple) {
        List<Object> t = values(tuple, 1);
        Comparator<Object> order = order(t, 1);
        List<Integer> indices = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            indices.add(i);
        }
        indices.sort((a, b) -> order.compare(t.get(a), t.get(b)));
        List<Object> result = new ArrayList<>(indices.size());
        indices.forEach(i -> result.add((long) i));
        return result;
    }

    // ---- generation ----

    /**
     * tuple_gen_sequence( : : Start, End, Step : Sequence): Start, Start+Step, ... up to End inclusive;
     * integers when all three are integers, else reals; empty when Step points away from End; Step 0 is 1303.
     */
    public static List<Object> tupleGenSequence(List<Object> start, List<Object> end, List<Object> step) {
        Object s = number(ControlArgs.single(start, 1), 1);
        Object e = number(ControlArgs.single(end, 2), 2);
        Object by = number(ControlArgs.single(step, 3), 3);
        List<Object> sequence = new ArrayList<>();
        if (s instanceof Long first && e instanceof Long last && by instanceof Long inc) {
            if (inc == 0) {
                throw ControlArgs.wrongValue(3, "Step 0");
            }
            long count = inc > 0 ? (last >= first ? (last - first) / inc + 1 : 0)
                    : (first >= last ? (first - last) / -inc + 1 : 0);
            checkLength(count, 3);
            for (long i = 0; i < count; i++) {
                sequence.add(first + i * inc);
            }
            return sequence;
        }
        double first = ((Number) s).doubleValue();
        double last = ((Number) e).doubleValue();
        double inc = ((Number) by).doubleValue();
        if (inc == 0 || !Double.isFinite(inc) || !Double.isFinite(first) || !Double.isFinite(last)) {
            throw ControlArgs.wrongValue(3, "Step " + inc + " from " + first + " to " + last);
        }
        // A small tolerance so that 0, 0.1, ... reaches 1.0 although 10 * 0.1 rounds above it.
        double steps = Math.floor((last - first) / inc + 1e-9);
        long count = steps < 0 ? 0 : (long) steps + 1;
        checkLength(count, 3);
        for (long i = 0; i < count; i++) {
            sequence.add(first + i * inc);
        }
        return sequence;
    }

    /** tuple_gen_const( : : Length, Const : Newtuple): Length copies of the single value Const. */
    public static List<Object> tupleGenConst(List<Object> length, List<Object> constant) {
        long n = ControlArgs.integer(length, 1);
        if (n < 0) {
            throw ControlArgs.wrongValue(1, "Length " + n);
        }
        checkLength(n, 1);
        Object value = ControlArgs.single(constant, 2);
        return new ArrayList<>(Collections.nCopies((int) n, value));
    }

    /**
     * tuple_rand( : : Length : Rand): Length reals uniform in [0, 1) from hprune's one random source (drand48, seeded by
     * set_system('seed_rand', N)).
     */
    public static List<Object> tupleRand(List<Object> length) {
        long n = ControlArgs.integer(length, 1);
        if (n < 0) {
            throw ControlArgs.wrongValue(1, "Length " + n);
        }
        checkLength(n, 1);
        RandomSource random = RandomSource.global();
        List<Object> values = new ArrayList<>((int) n);
        synchronized (random) {
            for (long i = 0; i < n; i++) {
                values.add(random.nextDouble());
            }
        }
        return values;
    }

    /**
     * The tuple_shuffle procedure (a procedure of HALCON's standard library, not an operator): Tuple permuted as
     * Tuple[tuple_sort_index(tuple_rand(|Tuple|))], exactly as the procedure computes it, so a seeded program draws the
     * same permutation.
     */
    public static List<Object> tupleShuffle(List<Object> tuple) {
        List<Object> t = values(tuple, 1);
        List<Object> order = tupleSortIndex(tupleRand(List.of((long) t.size())));
        return tupleSelect(t, order);
    }

    // ---- statistics ----

    /**
     * tuple_sum( : : Tuple : Sum): an integer for integers, a real once a real takes part, the concatenation for strings;
     * [] for the empty tuple; numbers and strings mixed are 1201.
     */
    public static List<Object> tupleSum(List<Object> tuple) {
        List<Object> t = values(tuple, 1);
        if (t.isEmpty()) {
            return List.of();
        }
        if (allStrings(t)) {
            StringBuilder joined = new StringBuilder();
            t.forEach(v -> joined.append((String) v));
            return List.of(joined.toString());
        }
        requireNumbers(t, 1, "numbers or strings, not mixed");
        if (allIntegers(t)) {
            long sum = 0;
            for (Object v : t) {
                sum += (Long) v;
            }
            return List.of(sum);
        }
        double sum = 0;
        for (Object v : t) {
            sum += ((Number) v).doubleValue();
        }
        return List.of(sum);
    }

    /** tuple_max( : : Tuple : Max): numbers (a real result once a real takes part) or strings; [] is 1401. */
    public static List<Object> tupleMax(List<Object> tuple) {
        return List.of(extreme(tuple, true));
    }

    /** tuple_min( : : Tuple : Min): as tuple_max. */
    public static List<Object> tupleMin(List<Object> tuple) {
        return List.of(extreme(tuple, false));
    }

    /** tuple_mean( : : Tuple : Mean): the mean of numbers as a real; strings are 1201, [] is 1401. */
    public static List<Object> tupleMean(List<Object> tuple) {
        List<Object> t = nonEmpty(tuple, 1);
        requireNumbers(t, 1, "numbers");
        double sum = 0;
        for (Object v : t) {
            sum += ((Number) v).doubleValue();
        }
        return List.of(sum / t.size());
    }

    // ---- conversion ----

    /** tuple_round( : : T : Round): the nearest integer, halves away from zero; integers unchanged; strings 1201. */
    public static List<Object> tupleRound(List<Object> t) {
        List<Object> rounded = new ArrayList<>();
        for (Object v : values(t, 1)) {
            double d = real(v, 1);
            rounded.add(v instanceof Long ? v : toLong(Math.signum(d) * Math.floor(Math.abs(d) + 0.5)));
        }
        return rounded;
    }

    /** tuple_int( : : T : Int): reals cut towards zero; integers unchanged; strings 1201. */
    public static List<Object> tupleInt(List<Object> t) {
        List<Object> converted = new ArrayList<>();
        for (Object v : values(t, 1)) {
            double d = real(v, 1);
            converted.add(v instanceof Long ? v : toLong(d < 0 ? Math.ceil(d) : Math.floor(d)));
        }
        return converted;
    }

    /** tuple_real( : : T : Real): numbers as reals; strings 1201. */
    public static List<Object> tupleReal(List<Object> t) {
        List<Object> converted = new ArrayList<>();
        for (Object v : values(t, 1)) {
            converted.add(real(v, 1));
        }
        return converted;
    }

    /**
     * tuple_string( : : T, Format : String): each element through C printf's conversion Format without '%' ('d', '.2f',
     * '10s', '-8.3e', 'x', ...). Integers under a real conversion are converted to real, reals under an integer
     * conversion are cut towards zero (our reading), numbers under 's' are written as tuple_add writes them; a string
     * under a numeric conversion is 1201; a bad Format is 1302.
     */
    public static List<Object> tupleString(List<Object> t, List<Object> format) {
        List<Object> values = values(t, 1);
        CFormat f = CFormat.parse(ControlArgs.string(format, 2));
        List<Object> strings = new ArrayList<>(values.size());
        for (Object v : values) {
            if (f.conversion() == 's') {
                if (!(v instanceof String) && !isNumber(v)) {
                    throw ControlArgs.wrongType(1, "numbers or strings", v);
                }
                strings.add(f.formatString(text(v)));
            } else if (!isNumber(v)) {
                throw ControlArgs.wrongType(1, "numbers for the conversion '" + f.conversion() + "'", v);
            } else if (f.integerConversion()) {
                strings.add(f.formatInteger(v instanceof Long l ? l : (long) (double) (Double) v));
            } else {
                strings.add(f.formatReal(((Number) v).doubleValue()));
            }
        }
        return strings;
    }

    // ---- comparison and strings ----

    /** tuple_equal( : : T1, T2 : Equal): 1 when both have the same length and equal elements (1 equals 1.0), else 0. */
    public static List<Object> tupleEqual(List<Object> t1, List<Object> t2) {
        List<Object> a = values(t1, 1);
        List<Object> b = values(t2, 2);
        return List.of(a.size() == b.size() && sameValues(a, b) ? 1L : 0L);
    }

    /**
     * tuple_regexp_match( : : Data, Expression : Matches): per string of Data the first match of the regular expression,
     * or the first capturing group's text when the expression has groups; '' when nothing matches. Expression is the
     * pattern, optionally followed by options 'ignore_case', 'multiline', 'dot_matches_all', 'ignore_ws'. A bad pattern
     * or option is 1302, a non-string in Data 1201.
     */
    public static List<Object> tupleRegexpMatch(List<Object> data, List<Object> expression) {
        Pattern pattern = compile(expression, 2);
        List<Object> matches = new ArrayList<>();
        for (Object v : values(data, 1)) {
            if (!(v instanceof String s)) {
                throw ControlArgs.wrongType(1, "strings", v);
            }
            Matcher m = pattern.matcher(s);
            if (!m.find()) {
                matches.add("");
            } else if (m.groupCount() > 0) {
                matches.add(m.group(1) == null ? "" : m.group(1));
            } else {
                matches.add(m.group());
            }
        }
        return matches;
    }

    /**
     * tuple_split( : : String, Separator : Substrings): splits each string at every character of its separator string
     * and drops empty parts. One separator for all strings, one per string, or one string with several separators (the
     * parts of each split are concatenated); other lengths are 1402.
     */
    public static List<Object> tupleSplit(List<Object> string, List<Object> separator) {
        List<Object> strings = values(string, 1);
        List<Object> separators = values(separator, 2);
        requireStrings(strings, 1);
        requireStrings(separators, 2);
        int n = broadcastLength(strings.size(), separators.size(), 2);
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = (String) strings.get(strings.size() == 1 ? 0 : i);
            String seps = (String) separators.get(separators.size() == 1 ? 0 : i);
            int from = 0;
            for (int c = 0; c <= s.length(); c++) {
                if (c == s.length() || seps.indexOf(s.charAt(c)) >= 0) {
                    if (c > from) {
                        parts.add(s.substring(from, c));
                    }
                    from = c + 1;
                }
            }
        }
        return parts;
    }

    /**
     * tuple_strstr( : : String, ToFind : Position): the 0-based position of the first occurrence of ToFind in each
     * string, -1 if none; one ToFind for all strings or one per string (1402 otherwise).
     */
    public static List<Object> tupleStrstr(List<Object> string, List<Object> toFind) {
        List<Object> strings = values(string, 1);
        List<Object> finds = values(toFind, 2);
        requireStrings(strings, 1);
        requireStrings(finds, 2);
        int n = broadcastLength(strings.size(), finds.size(), 2);
        List<Object> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String s = (String) strings.get(strings.size() == 1 ? 0 : i);
            String f = (String) finds.get(finds.size() == 1 ? 0 : i);
            positions.add((long) s.indexOf(f));
        }
        return positions;
    }

    /**
     * tuple_str_bit_select( : : Tuple, Index : Selected): the character at Index of each string ('' beyond its end), the
     * bit at Index (0 = least significant) of each integer; one Index for all elements or one per element. Reals are
     * 1201, a negative Index 1302.
     */
    public static List<Object> tupleStrBitSelect(List<Object> tuple, List<Object> index) {
        List<Object> t = values(tuple, 1);
        List<Object> indices = values(index, 2);
        int n = broadcastLength(t.size(), indices.size(), 2);
        List<Object> selected = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object v = t.get(t.size() == 1 ? 0 : i);
            long at = toIndex(indices.get(indices.size() == 1 ? 0 : i), 2);
            if (at < 0) {
                throw ControlArgs.wrongValue(2, "negative index " + at);
            }
            if (v instanceof String s) {
                selected.add(at < s.length() ? String.valueOf(s.charAt((int) at)) : "");
            } else if (v instanceof Long l) {
                selected.add(at < 64 ? (l >>> at) & 1L : (l < 0 ? 1L : 0L));
            } else {
                throw ControlArgs.wrongType(1, "strings or integers", v);
            }
        }
        return selected;
    }

    // ---- arithmetic ----

    /**
     * tuple_add( : : S1, S2 : Sum): element-wise; one side may have a single element, which is used for every element of
     * the other; [] on either side gives []. Integers stay integers, a real makes a real, a string on either side
     * concatenates (numbers written as text).
     */
    public static List<Object> tupleAdd(List<Object> s1, List<Object> s2) {
        return elementWise(s1, s2, (a, b) -> {
            if (a instanceof String || b instanceof String) {
                requireText(a, 1);
                requireText(b, 2);
                return text(a) + text(b);
            }
            return a instanceof Long x && b instanceof Long y ? (Object) (x + y)
                    : (Object) (real(a, 1) + real(b, 2));
        });
    }

    /** tuple_sub( : : D1, D2 : Diff): element-wise as tuple_add, numbers only. */
    public static List<Object> tupleSub(List<Object> d1, List<Object> d2) {
        return elementWise(d1, d2, (a, b) -> a instanceof Long x && b instanceof Long y ? (Object) (x - y)
                : (Object) (real(a, 1) - real(b, 2)));
    }

    /** tuple_mult( : : P1, P2 : Prod): element-wise as tuple_add, numbers only. */
    public static List<Object> tupleMult(List<Object> p1, List<Object> p2) {
        return elementWise(p1, p2, (a, b) -> a instanceof Long x && b instanceof Long y ? (Object) (x * y)
                : (Object) (real(a, 1) * real(b, 2)));
    }

    /**
     * tuple_div( : : Q1, Q2 : Quot): element-wise as tuple_add, numbers only; two integers divide as integers (cut towards
     * zero, as C does). A zero divisor is 1302 (our reading: HALCON refuses it; its number is not on the page).
     */
    public static List<Object> tupleDiv(List<Object> q1, List<Object> q2) {
        return elementWise(q1, q2, (a, b) -> {
            double divisor = real(b, 2);
            real(a, 1);
            if (divisor == 0) {
                throw ControlArgs.wrongValue(2, "division by zero");
            }
            return a instanceof Long x && b instanceof Long y ? (Object) (x / y) : (Object) (real(a, 1) / divisor);
        });
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface Binary {
        Object apply(Object a, Object b);
    }

    private static List<Object> elementWise(List<Object> left, List<Object> right, Binary op) {
        List<Object> a = values(left, 1);
        List<Object> b = values(right, 2);
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        int n = broadcastLength(a.size(), b.size(), 2);
        List<Object> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(op.apply(a.get(a.size() == 1 ? 0 : i), b.get(b.size() == 1 ? 0 : i)));
        }
        return result;
    }

    /** Equal lengths, or one side of length 1 (then the other's length); else 1400+position of the second. */
    private static int broadcastLength(int a, int b, int position) {
        if (a == b || b == 1) {
            return a;
        }
        if (a == 1) {
            return b;
        }
        throw HalconError.of(ErrorCodes.wrongCount(position),
                "lengths " + a + " and " + b + ": equal lengths, or one of them 1");
    }

    private static Object extreme(List<Object> tuple, boolean max) {
        List<Object> t = nonEmpty(tuple, 1);
        if (allStrings(t)) {
            String best = (String) t.get(0);
            for (Object v : t) {
                int c = ((String) v).compareTo(best);
                if (max ? c > 0 : c < 0) {
                    best = (String) v;
                }
            }
            return best;
        }
        requireNumbers(t, 1, "numbers or strings, not mixed");
        if (allIntegers(t)) {
            long best = (Long) t.get(0);
            for (Object v : t) {
                best = max ? Math.max(best, (Long) v) : Math.min(best, (Long) v);
            }
            return best;
        }
        double best = ((Number) t.get(0)).doubleValue();
        for (Object v : t) {
            double d = ((Number) v).doubleValue();
            best = max ? Math.max(best, d) : Math.min(best, d);
        }
        return best;
    }

    private static Comparator<Object> order(List<Object> t, int position) {
        if (allStrings(t)) {
            return Comparator.comparing(v -> (String) v);
        }
        requireNumbers(t, position, "numbers or strings, not mixed");
        return (a, b) -> compareNumbers(a, b);
    }

    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    private static boolean sameValues(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** HALCON's element equality: numbers by value whatever their type, strings by content, handles by identity. */
    static boolean sameValue(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Long x && b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return a.equals(b);
    }

    private static Pattern compile(List<Object> expression, int position) {
        List<String> parts = ControlArgs.strings(expression, position);
        int flags = 0;
        for (String option : parts.subList(1, parts.size())) {
            flags |= switch (option) {
                case "ignore_case" -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case "multiline" -> Pattern.MULTILINE;
                case "dot_matches_all" -> Pattern.DOTALL;
                case "ignore_ws" -> Pattern.COMMENTS;
                default -> throw ControlArgs.wrongValue(position, "unknown regular-expression option '" + option + "'");
            };
        }
        try {
            return Pattern.compile(parts.get(0), flags);
        } catch (PatternSyntaxException e) {
            throw ControlArgs.wrongValue(position, "bad regular expression: " + e.getDescription());
        }
    }

    /** A number or string as tuple_add writes it: integers in decimal, reals as C's %g (six significant digits). */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        return new CFormat("", 0, -1, 'g').formatReal((Double) v);
    }

    private static void requireText(Object v, int position) {
        if (!(v instanceof String) && !isNumber(v)) {
            throw ControlArgs.wrongType(position, "a number or string", v);
        }
    }

    private static long toIndex(Object value, int position) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            if (d != Math.rint(d) || Math.abs(d) > 1e15) {
                throw ControlArgs.wrongValue(position, "index " + d + " has a fraction");
            }
            return (long) (double) d;
        }
        throw ControlArgs.wrongType(position, "an integer index", value);
    }

    private static int checkedIndex(long index, int size, int position) {
        if (index < 0 || index >= size) {
            throw ControlArgs.wrongValue(position, "index " + index + " outside a tuple of length " + size);
        }
        return (int) index;
    }

    private static Object number(Object value, int position) {
        if (!isNumber(value)) {
            throw ControlArgs.wrongType(position, "a number", value);
        }
        return value;
    }

    private static double real(Object value, int position) {
        return ControlArgs.toReal(value, position);
    }

    private static long toLong(double value) {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            throw ControlArgs.wrongValue(1, "the real " + value + " has no integer value");
        }
        return (long) value;
    }

    private static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    private static boolean allStrings(List<Object> t) {
        return t.stream().allMatch(v -> v instanceof String);
    }

    private static boolean allIntegers(List<Object> t) {
        return t.stream().allMatch(v -> v instanceof Long);
    }

    private static void requireNumbers(List<Object> t, int position, String expected) {
        for (Object v : t) {
            if (!isNumber(v)) {
                throw ControlArgs.wrongType(position, expected, v);
            }
        }
    }

    private static void requireStrings(List<Object> t, int position) {
        for (Object v : t) {
            if (!(v instanceof String)) {
                throw ControlArgs.wrongType(position, "strings", v);
            }
        }
    }

    private static void checkLength(long n, int position) {
        if (n > Integer.MAX_VALUE - 8) {
            throw ControlArgs.wrongValue(position, "a tuple of " + n + " elements is too long");
        }
    }

    private static List<Object> values(List<Object> tuple, int position) {
        if (tuple == null) {
            throw HalconError.of(ErrorCodes.INPUT_CONTROL_NOT_INITIALIZED, "control parameter " + position + " is null");
        }
        return tuple;
    }

    private static List<Object> nonEmpty(List<Object> tuple, int position) {
        List<Object> t = values(tuple, position);
        if (t.isEmpty()) {
            throw HalconError.of(ErrorCodes.wrongCount(position), "the tuple is empty");
        }
        return t;
    }
}
