package dev.hprune.halcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HTupleTest {

    static Stream<Arguments> elementTypes() {
        HHandle handle = new HHandle();
        return Stream.of(
                Arguments.of(new HTuple(7L), HTuple.INTEGER),
                Arguments.of(new HTuple(7), HTuple.INTEGER),
                Arguments.of(new HTuple(true), HTuple.INTEGER),
                Arguments.of(new HTuple(2.5), HTuple.REAL),
                Arguments.of(new HTuple("a"), HTuple.STRING),
                Arguments.of(new HTuple(handle), HTuple.HANDLE),
                Arguments.of(HTuple.of(3.5f), HTuple.REAL),
                Arguments.of(HTuple.of((short) 3), HTuple.INTEGER));
    }

    @ParameterizedTest
    @MethodSource("elementTypes")
    void scalarTuplesReportTheirElementType(HTuple tuple, int type) {
        assertThat(tuple.getType(0)).isEqualTo(type);
        assertThat(tuple.getType()).isEqualTo(type);
        assertThat(tuple.length()).isEqualTo(1);
    }

    static Stream<Arguments> tupleTypes() {
        return Stream.of(
                Arguments.of(new HTuple(), HTuple.ANY),
                Arguments.of(new HTuple(new long[] {1, 2}), HTuple.INTEGER),
                Arguments.of(new HTuple(new double[] {1, 2}), HTuple.REAL),
                Arguments.of(new HTuple(new String[] {"a", "b"}), HTuple.STRING),
                Arguments.of(HTuple.of(1, 2.0), HTuple.MIXED),
                Arguments.of(HTuple.of("a", new HHandle()), HTuple.MIXED));
    }

    @ParameterizedTest
    @MethodSource("tupleTypes")
    void tupleTypeIsCommonTypeOrMixedOrAny(HTuple tuple, int type) {
        assertThat(tuple.getType()).isEqualTo(type);
    }

    /** accessor, input, expected value, or expected error number when the value is null. */
    static Stream<Arguments> conversions() {
        Function<HTuple, Object> l = t -> t.getL(0);
        Function<HTuple, Object> i = t -> t.getI(0);
        Function<HTuple, Object> d = t -> t.getD(0);
        Function<HTuple, Object> s = t -> t.getS(0);
        Function<HTuple, Object> h = t -> t.getH(0);
        return Stream.of(
                Arguments.of("getL(integer)", l, new HTuple(5L), 5L, 0),
                Arguments.of("getI(integer)", i, new HTuple(5L), 5, 0),
                Arguments.of("getD(integer) converts", d, new HTuple(5L), 5.0, 0),
                Arguments.of("getD(real)", d, new HTuple(0.25), 0.25, 0),
                Arguments.of("getS(string)", s, new HTuple("x"), "x", 0),
                Arguments.of("getL(real) refused", l, new HTuple(5.0), null, 2400),
                Arguments.of("getI(real) refused", i, new HTuple(5.5), null, 2400),
                Arguments.of("getI(too large) refused", i, new HTuple(1L << 40), null, 2400),
                Arguments.of("getD(string) refused", d, new HTuple("5"), null, 2400),
                Arguments.of("getL(string) refused", l, new HTuple("5"), null, 2400),
                Arguments.of("getS(integer) refused", s, new HTuple(5L), null, 2400),
                Arguments.of("getH(integer) refused", h, new HTuple(5L), null, 2400),
                Arguments.of("getL(empty) index error", l, new HTuple(), null, 2402),
                Arguments.of("getS(empty) index error", s, new HTuple(), null, 2402));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void typedAccessFollowsHalconConversionRules(String name, Function<HTuple, Object> accessor, HTuple input,
            Object expected, int errorCode) {
        if (expected != null) {
            assertThat(accessor.apply(input)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> accessor.apply(input))
                    .isInstanceOf(HTupleAccessException.class)
                    .satisfies(e -> assertThat(((HalconException) e).getErrorCode()).isEqualTo(errorCode));
        }
    }

    @Test
    void indexOutsideTheTupleIsError2402() {
        HTuple tuple = new HTuple(new long[] {1, 2, 3});
        assertThatThrownBy(() -> tuple.getL(3)).isInstanceOf(HTupleAccessException.class)
                .extracting(e -> ((HalconException) e).getErrorCode()).isEqualTo(2402);
        assertThatThrownBy(() -> tuple.getL(-1)).isInstanceOf(HTupleAccessException.class);
    }

    @Test
    void mixedTupleKeepsEachElementsType() {
        HHandle handle = new HHandle();
        HTuple tuple = HTuple.of(1, 2.5, "three", handle);
        assertThat(tuple.length()).isEqualTo(4);
        assertThat(tuple.getL(0)).isEqualTo(1L);
        assertThat(tuple.getD(1)).isEqualTo(2.5);
        assertThat(tuple.getS(2)).isEqualTo("three");
        assertThat(tuple.getH(3)).isSameAs(handle);
        assertThat(tuple.getType(2)).isEqualTo(HTuple.STRING);
    }

    @Test
    void arrayConversionsRoundTrip() {
        assertThat(new HTuple(new long[] {1, -2}).toLArr()).containsExactly(1, -2);
        assertThat(new HTuple(new int[] {4, 5}).toIArr()).containsExactly(4, 5);
        assertThat(new HTuple(new long[] {1, 2}).toDArr()).containsExactly(1.0, 2.0);
        assertThat(new HTuple(new String[] {"a", "b"}).toSArr()).containsExactly("a", "b");
    }

    @Test
    void appendConcatenatesInPlace() {
        HTuple tuple = new HTuple(1L);
        HTuple returned = tuple.append(2.0).append("c").append(new HTuple(new long[] {4, 5}));
        assertThat(returned).isSameAs(tuple);
        assertThat(tuple).isEqualTo(HTuple.of(1, 2.0, "c", 4, 5));
    }

    @Test
    void concatenatingConstructorJoinsParts() {
        assertThat(new HTuple(new HTuple(1), new HTuple("a"), new HTuple())).isEqualTo(HTuple.of(1, "a"));
    }

    @Test
    void equalityIsTypeStrict() {
        assertThat(new HTuple(1L)).isEqualTo(new HTuple(1));
        assertThat(new HTuple(1L)).isNotEqualTo(new HTuple(1.0));
        assertThat(new HTuple(new long[] {1, 2})).hasSameHashCodeAs(HTuple.of(1L, 2));
        assertThat(HTuple.of("a", 1)).isNotEqualTo(HTuple.of(1, "a"));
    }

    @Test
    void copyIsIndependent() {
        HTuple original = new HTuple(1L);
        HTuple copy = original.copy();
        copy.append(2L);
        assertThat(original.length()).isEqualTo(1);
        assertThat(copy.length()).isEqualTo(2);
    }

    @Test
    void toStringUsesHDevelopNotation() {
        assertThat(HTuple.of(1, 2.5, "x").toString()).isEqualTo("[1, 2.5, 'x']");
        assertThat(new HTuple().toString()).isEqualTo("[]");
    }

    @Test
    void nullElementsAreRefusedWithTupleAccessError() {
        assertThatThrownBy(() -> new HTuple((String) null)).isInstanceOf(HTupleAccessException.class);
        assertThatThrownBy(() -> new HTuple((HHandle) null)).isInstanceOf(HTupleAccessException.class);
        assertThatThrownBy(() -> HTuple.of(new Object())).isInstanceOf(HTupleAccessException.class)
                .extracting(e -> ((HalconException) e).getErrorCode()).isEqualTo(2400);
    }

    @Test
    void operatorOutputReplacesPreviousContent() {
        HTuple out = HTuple.of("old", 1, 2);
        HOperatorSet.CreateDict(out);
        assertThat(out.length()).isEqualTo(1);
        assertThat(out.getType()).isEqualTo(HTuple.HANDLE);
        assertThat(out.getH().getSemType()).isEqualTo("dict");
    }
}
