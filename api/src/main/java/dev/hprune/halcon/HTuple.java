package dev.hprune.halcon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * HALCON's control tuple: a sequence of integers (Java {@code long}), reals ({@code double}), strings and handles, possibly
 * mixed. A one-element tuple stands for its scalar.
 *
 * <p>Typed access follows HALCON's conversion rules: an integer can be read as a real; a real is not read as an integer,
 * and a string is never read as a number (both raise {@link HTupleAccessException} 2400); an index outside the tuple raises
 * 2402. Operators of {@link HOperatorSet} fill their output tuples in place, replacing what they held.
 *
 * <p>Not safe for concurrent modification; concurrent reads are fine.
 */
public final class HTuple {
    /** Type codes as {@code tuple_type} and HALCON's C header define them. */
    public static final int INTEGER = 1;
    public static final int REAL = 2;
    public static final int STRING = 4;
    public static final int MIXED = 8;
    public static final int HANDLE = 16;
    /** The type of the empty tuple. */
    public static final int ANY = 31;

    private final List<Object> elements;

    public HTuple() {
        elements = new ArrayList<>();
    }

    public HTuple(long value) {
        this();
        elements.add(value);
    }

    public HTuple(int value) {
        this((long) value);
    }

    /** HALCON's booleans are the integers 1 and 0. */
    public HTuple(boolean value) {
        this(value ? 1L : 0L);
    }

    public HTuple(double value) {
        this();
        elements.add(value);
    }

    public HTuple(String value) {
        this();
        elements.add(checkedString(value));
    }

    public HTuple(HHandle value) {
        this();
        elements.add(checkedHandle(value));
    }

    public HTuple(long[] values) {
        this();
        for (long value : values) {
            elements.add(value);
        }
    }

    public HTuple(int[] values) {
        this();
        for (int value : values) {
            elements.add((long) value);
        }
    }

    public HTuple(double[] values) {
        this();
        for (double value : values) {
            elements.add(value);
        }
    }

    public HTuple(String[] values) {
        this();
        for (String value : values) {
            elements.add(checkedString(value));
        }
    }

    public HTuple(HHandle[] values) {
        this();
        for (HHandle value : values) {
            elements.add(checkedHandle(value));
        }
    }

    /** The concatenation of the given tuples (HALCON's {@code [T1, T2]}). */
    public HTuple(HTuple... parts) {
        this();
        for (HTuple part : parts) {
            elements.addAll(part.elements);
        }
    }

    /**
     * A mixed tuple from Java values: {@code Long}, {@code Integer}, {@code Short}, {@code Byte} and {@code Boolean} become
     * integers, {@code Double} and {@code Float} reals, {@code String} strings, {@code HHandle} handles, and an
     * {@code HTuple} is spliced in.
     */
    public static HTuple of(Object... values) {
        HTuple tuple = new HTuple();
        for (Object value : values) {
            tuple.appendValue(value);
        }
        return tuple;
    }

    /** The number of elements. */
    public int length() {
        return elements.size();
    }

    /** The type code of element {@code index}: {@link #INTEGER}, {@link #REAL}, {@link #STRING} or {@link #HANDLE}. */
    public int getType(int index) {
        return typeOf(element(index));
    }

    /** The tuple's type: the common element type, {@link #MIXED} for several, {@link #ANY} for the empty tuple. */
    public int getType() {
        if (elements.isEmpty()) {
            return ANY;
        }
        int type = typeOf(elements.get(0));
        for (Object element : elements) {
            if (typeOf(element) != type) {
                return MIXED;
            }
        }
        return type;
    }

    public long getL(int index) {
        Object value = element(index);
        if (value instanceof Long l) {
            return l;
        }
        throw mismatch(index, "an integer");
    }

    /** An integer element that fits Java's {@code int}. */
    public int getI(int index) {
        long value = getL(index);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new HTupleAccessException(HTupleAccessException.WRONG_TYPE,
                    "element " + index + " = " + value + " does not fit an int");
        }
        return (int) value;
    }

    /** A real element, or an integer element converted to real. */
    public double getD(int index) {
        Object value = element(index);
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Long l) {
            return l.doubleValue();
        }
        throw mismatch(index, "a number");
    }

    public String getS(int index) {
        Object value = element(index);
        if (value instanceof String s) {
            return s;
        }
        throw mismatch(index, "a string");
    }

    public HHandle getH(int index) {
        Object value = element(index);
        if (value instanceof HHandle h) {
            return h;
        }
        throw mismatch(index, "a handle");
    }

    /** The element as its Java value: {@code Long}, {@code Double}, {@code String} or {@link HHandle}. */
    public Object getO(int index) {
        return element(index);
    }

    public long getL() {
        return getL(0);
    }

    public int getI() {
        return getI(0);
    }

    public double getD() {
        return getD(0);
    }

    public String getS() {
        return getS(0);
    }

    public HHandle getH() {
        return getH(0);
    }

    public long[] toLArr() {
        long[] values = new long[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = getL(i);
        }
        return values;
    }

    public int[] toIArr() {
        int[] values = new int[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = getI(i);
        }
        return values;
    }

    public double[] toDArr() {
        double[] values = new double[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = getD(i);
        }
        return values;
    }

    public String[] toSArr() {
        String[] values = new String[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = getS(i);
        }
        return values;
    }

    /** Appends the elements of {@code other}; returns this tuple. */
    public HTuple append(HTuple other) {
        elements.addAll(other.elements);
        return this;
    }

    public HTuple append(long value) {
        elements.add(value);
        return this;
    }

    public HTuple append(double value) {
        elements.add(value);
        return this;
    }

    public HTuple append(String value) {
        elements.add(checkedString(value));
        return this;
    }

    public HTuple append(HHandle value) {
        elements.add(checkedHandle(value));
        return this;
    }

    /** A copy sharing no state with this tuple (handles refer to the same resources, as in HALCON). */
    public HTuple copy() {
        return new HTuple(this);
    }

    /** Elements as an unmodifiable list of {@code Long}, {@code Double}, {@code String} and {@link HHandle}. */
    public List<Object> asList() {
        return Collections.unmodifiableList(elements);
    }

    // ---- HALCON's tuple operators as methods (the receiver is the first input), as HALCON's .NET HTuple has them ----

    /** HALCON's {@code tuple_length}. */
    public HTuple TupleLength() {
        HTuple result = new HTuple();
        HOperatorSet.TupleLength(this, result);
        return result;
    }

    /** HALCON's {@code tuple_select}. */
    public HTuple TupleSelect(HTuple index) {
        HTuple result = new HTuple();
        HOperatorSet.TupleSelect(this, index, result);
        return result;
    }

    /** HALCON's {@code tuple_select_range}. */
    public HTuple TupleSelectRange(HTuple leftindex, HTuple rightindex) {
        HTuple result = new HTuple();
        HOperatorSet.TupleSelectRange(this, leftindex, rightindex, result);
        return result;
    }

    /** HALCON's {@code tuple_first_n}. */
    public HTuple TupleFirstN(HTuple index) {
        HTuple result = new HTuple();
        HOperatorSet.TupleFirstN(this, index, result);
        return result;
    }

    /** HALCON's {@code tuple_last_n}. */
    public HTuple TupleLastN(HTuple index) {
        HTuple result = new HTuple();
        HOperatorSet.TupleLastN(this, index, result);
        return result;
    }

    /** HALCON's {@code tuple_find}. */
    public HTuple TupleFind(HTuple toFind) {
        HTuple result = new HTuple();
        HOperatorSet.TupleFind(this, toFind, result);
        return result;
    }

    /** HALCON's {@code tuple_uniq}. */
    public HTuple TupleUniq() {
        HTuple result = new HTuple();
        HOperatorSet.TupleUniq(this, result);
        return result;
    }

    /** HALCON's {@code tuple_inverse}. */
    public HTuple TupleInverse() {
        HTuple result = new HTuple();
        HOperatorSet.TupleInverse(this, result);
        return result;
    }

    /** HALCON's {@code tuple_concat}. */
    public HTuple TupleConcat(HTuple t2) {
        HTuple result = new HTuple();
        HOperatorSet.TupleConcat(this, t2, result);
        return result;
    }

    /** HALCON's {@code tuple_sort}. */
    public HTuple TupleSort() {
        HTuple result = new HTuple();
        HOperatorSet.TupleSort(this, result);
        return result;
    }

    /** HALCON's {@code tuple_sort_index}. */
    public HTuple TupleSortIndex() {
        HTuple result = new HTuple();
        HOperatorSet.TupleSortIndex(this, result);
        return result;
    }

    /** HALCON's {@code tuple_sum}. */
    public HTuple TupleSum() {
        HTuple result = new HTuple();
        HOperatorSet.TupleSum(this, result);
        return result;
    }

    /** HALCON's {@code tuple_max}. */
    public HTuple TupleMax() {
        HTuple result = new HTuple();
        HOperatorSet.TupleMax(this, result);
        return result;
    }

    /** HALCON's {@code tuple_min}. */
    public HTuple TupleMin() {
        HTuple result = new HTuple();
        HOperatorSet.TupleMin(this, result);
        return result;
    }

    /** HALCON's {@code tuple_mean}. */
    public HTuple TupleMean() {
        HTuple result = new HTuple();
        HOperatorSet.TupleMean(this, result);
        return result;
    }

    /** HALCON's {@code tuple_round}. */
    public HTuple TupleRound() {
        HTuple result = new HTuple();
        HOperatorSet.TupleRound(this, result);
        return result;
    }

    /** HALCON's {@code tuple_int}. */
    public HTuple TupleInt() {
        HTuple result = new HTuple();
        HOperatorSet.TupleInt(this, result);
        return result;
    }

    /** HALCON's {@code tuple_real}. */
    public HTuple TupleReal() {
        HTuple result = new HTuple();
        HOperatorSet.TupleReal(this, result);
        return result;
    }

    /** HALCON's {@code tuple_string}. */
    public HTuple TupleString(HTuple format) {
        HTuple result = new HTuple();
        HOperatorSet.TupleString(this, format, result);
        return result;
    }

    /** HALCON's {@code tuple_equal}. */
    public HTuple TupleEqual(HTuple t2) {
        HTuple result = new HTuple();
        HOperatorSet.TupleEqual(this, t2, result);
        return result;
    }

    /** HALCON's {@code tuple_regexp_match}. */
    public HTuple TupleRegexpMatch(HTuple expression) {
        HTuple result = new HTuple();
        HOperatorSet.TupleRegexpMatch(this, expression, result);
        return result;
    }

    /** HALCON's {@code tuple_split}. */
    public HTuple TupleSplit(HTuple separator) {
        HTuple result = new HTuple();
        HOperatorSet.TupleSplit(this, separator, result);
        return result;
    }

    /** HALCON's {@code tuple_strstr}. */
    public HTuple TupleStrstr(HTuple toFind) {
        HTuple result = new HTuple();
        HOperatorSet.TupleStrstr(this, toFind, result);
        return result;
    }

    /** HALCON's {@code tuple_str_bit_select}. */
    public HTuple TupleStrBitSelect(HTuple index) {
        HTuple result = new HTuple();
        HOperatorSet.TupleStrBitSelect(this, index, result);
        return result;
    }

    /** HALCON's {@code tuple_add}. */
    public HTuple TupleAdd(HTuple s2) {
        HTuple result = new HTuple();
        HOperatorSet.TupleAdd(this, s2, result);
        return result;
    }

    /** HALCON's {@code tuple_sub}. */
    public HTuple TupleSub(HTuple d2) {
        HTuple result = new HTuple();
        HOperatorSet.TupleSub(this, d2, result);
        return result;
    }

    /** HALCON's {@code tuple_mult}. */
    public HTuple TupleMult(HTuple p2) {
        HTuple result = new HTuple();
        HOperatorSet.TupleMult(this, p2, result);
        return result;
    }

    /** HALCON's {@code tuple_div}. */
    public HTuple TupleDiv(HTuple q2) {
        HTuple result = new HTuple();
        HOperatorSet.TupleDiv(this, q2, result);
        return result;
    }

    /** HALCON's {@code tuple_gen_sequence}. */
    public static HTuple TupleGenSequence(HTuple start, HTuple end, HTuple step) {
        HTuple result = new HTuple();
        HOperatorSet.TupleGenSequence(start, end, step, result);
        return result;
    }

    /** HALCON's {@code tuple_gen_const}. */
    public static HTuple TupleGenConst(HTuple length, HTuple constVal) {
        HTuple result = new HTuple();
        HOperatorSet.TupleGenConst(length, constVal, result);
        return result;
    }

    /** HALCON's {@code tuple_rand}. */
    public static HTuple TupleRand(HTuple length) {
        HTuple result = new HTuple();
        HOperatorSet.TupleRand(length, result);
        return result;
    }

    /** Replaces the content; what operators do with their output tuples. */
    void replaceWith(List<?> values) {
        List<Object> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            copy.add(Objects.requireNonNull(value, "tuple element"));
        }
        elements.clear();
        elements.addAll(copy);
    }

    /** Equal when both have the same elements of the same types: {@code 1} and {@code 1.0} differ. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HTuple tuple && elements.equals(tuple.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    /** HDevelop's notation: {@code [1, 2.5, 'text', <handle dict #3>]}. */
    @Override
    public String toString() {
        return elements.stream().map(HTuple::format).collect(Collectors.joining(", ", "[", "]"));
    }

    private void appendValue(Object value) {
        if (value instanceof HTuple tuple) {
            elements.addAll(tuple.elements);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            elements.add(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            elements.add(b ? 1L : 0L);
        } else if (value instanceof Double || value instanceof Float) {
            elements.add(((Number) value).doubleValue());
        } else if (value instanceof String s) {
            elements.add(s);
        } else if (value instanceof HHandle h) {
            elements.add(h);
        } else {
            throw new HTupleAccessException(HTupleAccessException.WRONG_TYPE,
                    "a tuple holds integers, reals, strings and handles, not " + describeJava(value));
        }
    }

    private Object element(int index) {
        if (index < 0 || index >= elements.size()) {
            throw new HTupleAccessException(HTupleAccessException.WRONG_INDEX,
                    "index " + index + " outside a tuple of length " + elements.size());
        }
        return elements.get(index);
    }

    private HTupleAccessException mismatch(int index, String expected) {
        return new HTupleAccessException(HTupleAccessException.WRONG_TYPE,
                "element " + index + " is " + format(elements.get(index)) + ", not " + expected);
    }

    private static int typeOf(Object value) {
        if (value instanceof Long) {
            return INTEGER;
        }
        if (value instanceof Double) {
            return REAL;
        }
        if (value instanceof String) {
            return STRING;
        }
        return HANDLE;
    }

    private static String format(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value.toString();
    }

    private static String checkedString(String value) {
        if (value == null) {
            throw new HTupleAccessException(HTupleAccessException.WRONG_TYPE, "a tuple cannot hold a null string");
        }
        return value;
    }

    private static HHandle checkedHandle(HHandle value) {
        if (value == null) {
            throw new HTupleAccessException(HTupleAccessException.WRONG_TYPE,
                    "a tuple cannot hold null; use new HHandle() for HALCON's NULL handle");
        }
        return value;
    }

    private static String describeJava(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + Arrays.deepToString(new Object[] {value});
    }
}
