package dev.hprune.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HTupleAccessException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fuzzes HALCON's tuple conversions on both sides: typed access to {@link HTuple} (getL/getI/getD/getS/getH, the array
 * forms, getType, equals) and the control-parameter readers of {@link ControlArgs} that every operator uses. The oracle
 * is the documented rule set: an integer reads as a real, a real never as an integer, strings and numbers never
 * convert; HTuple raises 2400 for a type and 2402 for an index, ControlArgs raises 1200+N, 1400+N and the handle
 * errors 2453/2450/2454/2404 for parameter N, and nothing else escapes.
 */
class TupleConversionFuzzTest {
    private static final String[] STRINGS = {"", "a", "percentage", "1", "oracle", "ä\u0000"};

    @FuzzTest(maxExecutions = 10_000)
    void tupleConversions(FuzzedDataProvider data) {
        int length = data.consumeInt(0, 6);
        List<Object> api = new ArrayList<>();
        List<Object> plain = new ArrayList<>();
        List<Handle> created = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            switch (data.consumeInt(0, 7)) {
                case 0 -> add(api, plain, data.consumeLong());
                case 1 -> add(api, plain, (long) data.consumeInt(-3, 3));
                case 2 -> add(api, plain, data.consumeDouble());
                case 3 -> add(api, plain, data.consumeBoolean() ? data.consumeString(8)
                        : STRINGS[data.consumeInt(0, STRINGS.length - 1)]);
                case 4 -> addHandle(api, plain, new HHandle());
                case 5 -> addHandle(api, plain, new HHandle(Long.MAX_VALUE - data.consumeInt(0, 1000)));
                case 6 -> {
                    Handle dict = HandleRegistry.global().register(HandleType.DICT, new Dict());
                    created.add(dict);
                    if (data.consumeBoolean()) {
                        dict.clear();
                    }
                    addHandle(api, plain, new HHandle(dict.id()));
                }
                default -> {
                    Handle other = HandleRegistry.global().register(HandleType.DL_PRUNING, new Object());
                    created.add(other);
                    addHandle(api, plain, new HHandle(other.id()));
                }
            }
        }
        HTuple tuple = HTuple.of(api.toArray());
        checkTuple(tuple, api, data);
        checkControlArgs(plain, data.consumeInt(1, 20), data.consumeInt(0, 10));
        created.forEach(Handle::clear);
    }

    private static void add(List<Object> api, List<Object> plain, Object value) {
        api.add(value);
        plain.add(value);
    }

    private static void addHandle(List<Object> api, List<Object> plain, HHandle handle) {
        api.add(handle);
        plain.add(HandleRegistry.global().lookup(handle.getHandleId()));
    }

    private static void checkTuple(HTuple tuple, List<Object> values, FuzzedDataProvider data) {
        assertThat(tuple.length()).isEqualTo(values.size());
        assertThat(tuple.copy()).isEqualTo(tuple).hasSameHashCodeAs(tuple);
        assertThat(tuple.toString()).startsWith("[").endsWith("]");
        int expectedType = values.isEmpty() ? HTuple.ANY
                : values.stream().map(TupleConversionFuzzTest::typeOf).distinct().count() > 1 ? HTuple.MIXED
                : typeOf(values.get(0));
        assertThat(tuple.getType()).isEqualTo(expectedType);

        int index = data.consumeInt(-2, values.size() + 1);
        Object v = index >= 0 && index < values.size() ? values.get(index) : null;
        expectAccess(() -> tuple.getL(index), index, values, v instanceof Long ? v : null);
        expectAccess(() -> tuple.getI(index), index, values,
                v instanceof Long l && l == (int) (long) l ? (int) (long) l : null);
        expectAccess(() -> tuple.getD(index), index, values,
                v instanceof Long l ? (Object) l.doubleValue() : v instanceof Double ? v : null);
        expectAccess(() -> tuple.getS(index), index, values, v instanceof String ? v : null);
        expectAccess(() -> tuple.getH(index), index, values, v instanceof HHandle ? v : null);
        if (v != null) {
            assertThat(tuple.getType(index)).isEqualTo(typeOf(v));
            assertThat(tuple.getO(index)).isEqualTo(v);
        }

        boolean allIntegers = values.stream().allMatch(e -> e instanceof Long);
        boolean allNumbers = values.stream().allMatch(e -> e instanceof Long || e instanceof Double);
        boolean allStrings = values.stream().allMatch(e -> e instanceof String);
        expectArray(tuple::toLArr, allIntegers);
        expectArray(tuple::toDArr, allNumbers);
        expectArray(tuple::toSArr, allStrings);
        expectArray(tuple::toIArr, allIntegers && values.stream().allMatch(e -> (long) e == (int) (long) e));
    }

    private static void expectAccess(Supplier<Object> access, int index, List<Object> values, Object expected) {
        Throwable thrown = catchThrowable(access::get);
        if (index < 0 || index >= values.size()) {
            assertThat(thrown).isInstanceOf(HTupleAccessException.class);
            assertThat(((HTupleAccessException) thrown).getErrorCode()).isEqualTo(HTupleAccessException.WRONG_INDEX);
        } else if (expected == null) {
            assertThat(thrown).isInstanceOf(HTupleAccessException.class);
            assertThat(((HTupleAccessException) thrown).getErrorCode()).isEqualTo(HTupleAccessException.WRONG_TYPE);
        } else {
            assertThat(thrown).isNull();
            assertThat(access.get()).isEqualTo(expected);
        }
    }

    private static void expectArray(Supplier<Object> toArray, boolean convertible) {
        Throwable thrown = catchThrowable(toArray::get);
        if (convertible) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).isInstanceOf(HTupleAccessException.class);
            assertThat(((HTupleAccessException) thrown).getErrorCode()).isEqualTo(HTupleAccessException.WRONG_TYPE);
        }
    }

    private static int typeOf(Object value) {
        return value instanceof Long ? HTuple.INTEGER : value instanceof Double ? HTuple.REAL
                : value instanceof String ? HTuple.STRING : HTuple.HANDLE;
    }

    /** Each ControlArgs reader against the rules, for control parameter {@code n}. */
    private static void checkControlArgs(List<Object> tuple, int n, int reader) {
        Object single = tuple.size() == 1 ? tuple.get(0) : null;
        int count = ErrorCodes.wrongCount(n);
        int type = ErrorCodes.wrongType(n);
        switch (reader) {
            case 0 -> expectControl(() -> ControlArgs.single(tuple, n), tuple.size() == 1 ? 0 : count, single);
            case 1 -> expectControl(() -> ControlArgs.string(tuple, n),
                    tuple.size() != 1 ? count : single instanceof String ? 0 : type, single);
            case 2 -> expectControl(() -> ControlArgs.integer(tuple, n),
                    tuple.size() != 1 ? count : single instanceof Long ? 0 : type, single);
            case 3 -> expectControl(() -> ControlArgs.real(tuple, n),
                    tuple.size() != 1 ? count : single instanceof Long || single instanceof Double ? 0 : type,
                    single instanceof Long l ? (Object) l.doubleValue() : single);
            case 4 -> expectControl(() -> ControlArgs.key(tuple, n),
                    tuple.size() != 1 ? count : single instanceof Long || single instanceof String ? 0 : type, single);
            case 5 -> expectControl(() -> ControlArgs.keys(tuple, n),
                    tuple.stream().allMatch(e -> e instanceof Long || e instanceof String) ? 0 : type, tuple);
            case 6 -> expectControl(() -> ControlArgs.strings(tuple, n), tuple.isEmpty() ? count
                    : tuple.stream().allMatch(e -> e instanceof String) ? 0 : type, tuple);
            case 7 -> expectControl(() -> ControlArgs.anyHandle(tuple, n),
                    tuple.size() != 1 ? count : single instanceof Handle ? 0 : type, single);
            case 8 -> expectControl(() -> ControlArgs.handle(tuple, n, HandleType.DICT, Dict.class),
                    tuple.size() != 1 ? count : handleError(single, type), null);
            default -> {
                int expected = 0;
                for (Object e : tuple) {
                    expected = handleError(e, type);
                    if (expected != 0) {
                        break;
                    }
                }
                expectControl(() -> ControlArgs.handles(tuple, n, HandleType.DICT, Dict.class), expected, null);
            }
        }
    }

    /** HALCON's order of checks for a dict handle argument: type of value, NULL, unknown, cleared, handle type. */
    private static int handleError(Object value, int wrongType) {
        if (!(value instanceof Handle h)) {
            return wrongType;
        }
        if (h.isNull()) {
            return ErrorCodes.HANDLE_NULL;
        }
        if (!h.isKnown()) {
            return ErrorCodes.UNKNOWN_HANDLE;
        }
        if (h.isCleared()) {
            return ErrorCodes.HANDLE_CLEARED;
        }
        return h.type() == HandleType.DICT ? 0 : ErrorCodes.WRONG_HANDLE_TYPE;
    }

    private static void expectControl(Supplier<Object> read, int expectedCode, Object expectedValue) {
        Throwable thrown = catchThrowable(read::get);
        if (expectedCode == 0) {
            assertThat(thrown).isNull();
            if (expectedValue != null) {
                assertThat(read.get()).isEqualTo(expectedValue);
            }
        } else {
            assertThat(thrown).isInstanceOf(HalconError.class);
            assertThat(((HalconError) thrown).code()).as("%s", thrown).isEqualTo(expectedCode);
        }
    }
}
