package dev.hprune.compat.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.system.RandomSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tuple operator, one row per case: the call and either the expected tuple (element types count: 1 is not 1.0)
 * or the expected HALCON error number. Expected values are worked out by hand from the operator reference.
 */
class TupleOperatorsTest {

    static List<Object> t(Object... values) {
        return Arrays.asList(values);
    }

    static Arguments row(String name, Supplier<List<Object>> call, Object expected) {
        return Arguments.of(name, call, expected);
    }

    static Stream<Arguments> cases() {
        List<Arguments> rows = new ArrayList<>();
        List<Object> abc = t("a", "b", "c");
        // tuple_length
        rows.add(row("length of 3", () -> TupleOperators.tupleLength(abc), t(3L)));
        rows.add(row("length of []", () -> TupleOperators.tupleLength(t()), t(0L)));
        // tuple_select
        rows.add(row("select 2, 0", () -> TupleOperators.tupleSelect(abc, t(2L, 0L)), t("c", "a")));
        rows.add(row("select with integral real", () -> TupleOperators.tupleSelect(abc, t(1.0)), t("b")));
        rows.add(row("select none", () -> TupleOperators.tupleSelect(abc, t()), t()));
        rows.add(row("select 3 of 3", () -> TupleOperators.tupleSelect(abc, t(3L)), 1302));
        rows.add(row("select -1", () -> TupleOperators.tupleSelect(abc, t(-1L)), 1302));
        rows.add(row("select 1.5", () -> TupleOperators.tupleSelect(abc, t(1.5)), 1302));
        rows.add(row("select 'a'", () -> TupleOperators.tupleSelect(abc, t("a")), 1202));
        rows.add(row("select null tuple", () -> TupleOperators.tupleSelect(null, t(0L)), 2954));
        // tuple_select_range
        rows.add(row("range 1..2", () -> TupleOperators.tupleSelectRange(abc, t(1L), t(2L)), t("b", "c")));
        rows.add(row("range 1..0 is empty", () -> TupleOperators.tupleSelectRange(abc, t(1L), t(0L)), t()));
        rows.add(row("range 2..0", () -> TupleOperators.tupleSelectRange(abc, t(2L), t(0L)), 1303));
        rows.add(row("range 0..3", () -> TupleOperators.tupleSelectRange(abc, t(0L), t(3L)), 1303));
        rows.add(row("range -1..1", () -> TupleOperators.tupleSelectRange(abc, t(-1L), t(1L)), 1302));
        rows.add(row("range two lefts", () -> TupleOperators.tupleSelectRange(abc, t(0L, 1L), t(1L)), 1402));
        // tuple_first_n / tuple_last_n
        rows.add(row("first_n 1", () -> TupleOperators.tupleFirstN(abc, t(1L)), t("a", "b")));
        rows.add(row("first_n 2", () -> TupleOperators.tupleFirstN(abc, t(2L)), abc));
        rows.add(row("first_n 3", () -> TupleOperators.tupleFirstN(abc, t(3L)), 1302));
        rows.add(row("first_n of []", () -> TupleOperators.tupleFirstN(t(), t(0L)), 1401));
        rows.add(row("last_n 1", () -> TupleOperators.tupleLastN(abc, t(1L)), t("b", "c")));
        rows.add(row("last_n 3 is empty", () -> TupleOperators.tupleLastN(abc, t(3L)), t()));
        rows.add(row("last_n 4", () -> TupleOperators.tupleLastN(abc, t(4L)), 1302));
        rows.add(row("last_n 'x'", () -> TupleOperators.tupleLastN(abc, t("x")), 1202));
        // tuple_find
        rows.add(row("find sub-sequence", () -> TupleOperators.tupleFind(t(1L, 2L, 1L, 2L, 3L), t(1L, 2L)), t(0L, 2L)));
        rows.add(row("find 2.0 finds 2", () -> TupleOperators.tupleFind(t(1L, 2L), t(2.0)), t(1L)));
        rows.add(row("find '1' does not find 1", () -> TupleOperators.tupleFind(t(1L), t("1")), t(-1L)));
        rows.add(row("find in []", () -> TupleOperators.tupleFind(t(), t(1L)), t(-1L)));
        rows.add(row("find []", () -> TupleOperators.tupleFind(t(1L), t()), t(-1L)));
        // tuple_uniq, tuple_inverse, tuple_concat
        rows.add(row("uniq successive only", () -> TupleOperators.tupleUniq(t(1L, 1L, 2L, 1L, 1.0)), t(1L, 2L, 1L)));
        rows.add(row("inverse", () -> TupleOperators.tupleInverse(t(1L, "b", 2.5)), t(2.5, "b", 1L)));
        rows.add(row("concat", () -> TupleOperators.tupleConcat(t(1L), t("x", 2.0)), t(1L, "x", 2.0)));
        // tuple_sort, tuple_sort_index
        rows.add(row("sort numbers keep types", () -> TupleOperators.tupleSort(t(3L, 1.5, -2L)), t(-2L, 1.5, 3L)));
        rows.add(row("sort strings", () -> TupleOperators.tupleSort(t("b", "B", "a")), t("B", "a", "b")));
        rows.add(row("sort mixed", () -> TupleOperators.tupleSort(t(1L, "a")), 1201));
        rows.add(row("sort_index", () -> TupleOperators.tupleSortIndex(t(30L, 10L, 20L)), t(1L, 2L, 0L)));
        rows.add(row("sort_index ties stable", () -> TupleOperators.tupleSortIndex(t(1L, 0L, 1.0, 0L)),
                t(1L, 3L, 0L, 2L)));
        rows.add(row("sort_index []", () -> TupleOperators.tupleSortIndex(t()), t()));
        rows.add(row("sort_index mixed", () -> TupleOperators.tupleSortIndex(t("a", 2L)), 1201));
        // tuple_gen_sequence, tuple_gen_const
        rows.add(row("sequence 1..7 by 3", () -> TupleOperators.tupleGenSequence(t(1L), t(7L), t(3L)), t(1L, 4L, 7L)));
        rows.add(row("sequence 5..1 by -2", () -> TupleOperators.tupleGenSequence(t(5L), t(1L), t(-2L)),
                t(5L, 3L, 1L)));
        rows.add(row("sequence away from end", () -> TupleOperators.tupleGenSequence(t(5L), t(1L), t(1L)), t()));
        rows.add(row("sequence reals", () -> TupleOperators.tupleGenSequence(t(0L), t(1L), t(0.5)),
                t(0.0, 0.5, 1.0)));
        rows.add(row("sequence step 0", () -> TupleOperators.tupleGenSequence(t(0L), t(1L), t(0L)), 1303));
        rows.add(row("sequence string start", () -> TupleOperators.tupleGenSequence(t("0"), t(1L), t(1L)), 1201));
        rows.add(row("gen_const", () -> TupleOperators.tupleGenConst(t(3L), t("x")), t("x", "x", "x")));
        rows.add(row("gen_const 0", () -> TupleOperators.tupleGenConst(t(0L), t(1L)), t()));
        rows.add(row("gen_const -1", () -> TupleOperators.tupleGenConst(t(-1L), t(1L)), 1301));
        rows.add(row("gen_const real length", () -> TupleOperators.tupleGenConst(t(2.0), t(1L)), 1201));
        rows.add(row("gen_const two values", () -> TupleOperators.tupleGenConst(t(2L), t(1L, 2L)), 1402));
        // tuple_rand (values: see the seeded tests below)
        rows.add(row("rand 0", () -> TupleOperators.tupleRand(t(0L)), t()));
        rows.add(row("rand -1", () -> TupleOperators.tupleRand(t(-1L)), 1301));
        rows.add(row("rand 'x'", () -> TupleOperators.tupleRand(t("x")), 1201));
        // tuple_sum, max, min, mean
        rows.add(row("sum integers", () -> TupleOperators.tupleSum(t(1L, 2L, 3L)), t(6L)));
        rows.add(row("sum with a real", () -> TupleOperators.tupleSum(t(1L, 0.5)), t(1.5)));
        rows.add(row("sum strings", () -> TupleOperators.tupleSum(t("ab", "c")), t("abc")));
        rows.add(row("sum []", () -> TupleOperators.tupleSum(t()), t()));
        rows.add(row("sum mixed", () -> TupleOperators.tupleSum(t(1L, "a")), 1201));
        rows.add(row("max integers", () -> TupleOperators.tupleMax(t(3L, 7L, -1L)), t(7L)));
        rows.add(row("max is real once a real takes part", () -> TupleOperators.tupleMax(t(3L, 1.5)), t(3.0)));
        rows.add(row("max strings", () -> TupleOperators.tupleMax(t("b", "ab")), t("b")));
        rows.add(row("max []", () -> TupleOperators.tupleMax(t()), 1401));
        rows.add(row("min", () -> TupleOperators.tupleMin(t(3L, 7L, -1L)), t(-1L)));
        rows.add(row("min mixed", () -> TupleOperators.tupleMin(t("a", 1L)), 1201));
        rows.add(row("mean", () -> TupleOperators.tupleMean(t(1L, 2L)), t(1.5)));
        rows.add(row("mean []", () -> TupleOperators.tupleMean(t()), 1401));
        rows.add(row("mean of strings", () -> TupleOperators.tupleMean(t("a")), 1201));
        // tuple_round, tuple_int, tuple_real
        rows.add(row("round halves away from zero", () -> TupleOperators.tupleRound(t(2.5, -2.5, 1.4, 7L)),
                t(3L, -3L, 1L, 7L)));
        rows.add(row("round string", () -> TupleOperators.tupleRound(t("1")), 1201));
        rows.add(row("round NaN", () -> TupleOperators.tupleRound(t(Double.NaN)), 1301));
        rows.add(row("int cuts towards zero", () -> TupleOperators.tupleInt(t(2.9, -2.9, 4L)), t(2L, -2L, 4L)));
        rows.add(row("real", () -> TupleOperators.tupleReal(t(2L, 0.5)), t(2.0, 0.5)));
        rows.add(row("real of string", () -> TupleOperators.tupleReal(t("2")), 1201));
        // tuple_string (C printf; see also formatsAsCPrintfDoes)
        rows.add(row("string d", () -> TupleOperators.tupleString(t(5L, -12L), t("d")), t("5", "-12")));
        rows.add(row("string .2f", () -> TupleOperators.tupleString(t(3.14159, 2L), t(".2f")), t("3.14", "2.00")));
        rows.add(row("string width", () -> TupleOperators.tupleString(t(7L), t("4d")), t("   7")));
        rows.add(row("string left s", () -> TupleOperators.tupleString(t("ab"), t("-4s")), t("ab  ")));
        rows.add(row("string s of numbers", () -> TupleOperators.tupleString(t(3L, 0.5), t("s")), t("3", "0.5")));
        rows.add(row("string d of a real cuts", () -> TupleOperators.tupleString(t(2.7), t("d")), t("2")));
        rows.add(row("string d of a string", () -> TupleOperators.tupleString(t("x"), t("d")), 1201));
        rows.add(row("string bad format", () -> TupleOperators.tupleString(t(1L), t("%d")), 1302));
        rows.add(row("string format not a string", () -> TupleOperators.tupleString(t(1L), t(2L)), 1202));
        // tuple_equal
        rows.add(row("equal 1 and 1.0", () -> TupleOperators.tupleEqual(t(1L, "a"), t(1.0, "a")), t(1L)));
        rows.add(row("equal lengths differ", () -> TupleOperators.tupleEqual(t(1L), t(1L, 1L)), t(0L)));
        rows.add(row("equal '1' and 1", () -> TupleOperators.tupleEqual(t("1"), t(1L)), t(0L)));
        rows.add(row("equal [] []", () -> TupleOperators.tupleEqual(t(), t()), t(1L)));
        // tuple_regexp_match
        rows.add(row("regexp first match", () -> TupleOperators.tupleRegexpMatch(t("img_042.png", "x"), t("[0-9]+")),
                t("042", "")));
        rows.add(row("regexp group", () -> TupleOperators.tupleRegexpMatch(t("top5_error"), t("top([0-9]+)_error")),
                t("5")));
        rows.add(row("regexp ignore_case", () -> TupleOperators.tupleRegexpMatch(t("A.PNG"),
                t("\\.png$", "ignore_case")), t(".PNG")));
        rows.add(row("regexp bad pattern", () -> TupleOperators.tupleRegexpMatch(t("a"), t("(")), 1302));
        rows.add(row("regexp bad option", () -> TupleOperators.tupleRegexpMatch(t("a"), t("a", "fast")), 1302));
        rows.add(row("regexp number in data", () -> TupleOperators.tupleRegexpMatch(t(1L), t("1")), 1201));
        // tuple_split
        rows.add(row("split drops empty parts", () -> TupleOperators.tupleSplit(t("a//b/c"), t("/")),
                t("a", "b", "c")));
        rows.add(row("split at any of the characters", () -> TupleOperators.tupleSplit(t("a.b_c"), t("._")),
                t("a", "b", "c")));
        rows.add(row("split each string", () -> TupleOperators.tupleSplit(t("a-b", "c d"), t("-", " ")),
                t("a", "b", "c", "d")));
        rows.add(row("split lengths 2 and 3", () -> TupleOperators.tupleSplit(t("a", "b"), t("-", "+", "*")), 1402));
        rows.add(row("split a number", () -> TupleOperators.tupleSplit(t(1L), t("-")), 1201));
        // tuple_strstr
        rows.add(row("strstr", () -> TupleOperators.tupleStrstr(t("classification", "x"), t("ss")), t(3L, -1L)));
        rows.add(row("strstr pairwise", () -> TupleOperators.tupleStrstr(t("ab", "ab"), t("a", "b")), t(0L, 1L)));
        rows.add(row("strstr of a number", () -> TupleOperators.tupleStrstr(t("ab"), t(1L)), 1202));
        // tuple_str_bit_select
        rows.add(row("str_bit_select chars", () -> TupleOperators.tupleStrBitSelect(t("abc", "x"), t(1L)),
                t("b", "")));
        rows.add(row("str_bit_select bits", () -> TupleOperators.tupleStrBitSelect(t(6L), t(0L, 1L, 2L)),
                t(0L, 1L, 1L)));
        rows.add(row("str_bit_select of a real", () -> TupleOperators.tupleStrBitSelect(t(1.5), t(0L)), 1201));
        rows.add(row("str_bit_select -1", () -> TupleOperators.tupleStrBitSelect(t("a"), t(-1L)), 1302));
        // arithmetic
        rows.add(row("add integers", () -> TupleOperators.tupleAdd(t(1L, 2L), t(10L, 20L)), t(11L, 22L)));
        rows.add(row("add broadcasts a single value", () -> TupleOperators.tupleAdd(t(1L, 2L), t(0.5)),
                t(1.5, 2.5)));
        rows.add(row("add broadcasts on the left", () -> TupleOperators.tupleAdd(t(1L), t(1L, 2L)), t(2L, 3L)));
        rows.add(row("add strings concatenate", () -> TupleOperators.tupleAdd(t("img_"), t(3L, 0.5)),
                t("img_3", "img_0.5")));
        rows.add(row("add []", () -> TupleOperators.tupleAdd(t(), t(1L)), t()));
        rows.add(row("add lengths 2 and 3", () -> TupleOperators.tupleAdd(t(1L, 2L), t(1L, 2L, 3L)), 1402));
        rows.add(row("sub", () -> TupleOperators.tupleSub(t(5L, 5.5), t(2L)), t(3L, 3.5)));
        rows.add(row("sub a string", () -> TupleOperators.tupleSub(t("a"), t(1L)), 1201));
        rows.add(row("mult", () -> TupleOperators.tupleMult(t(3L), t(4L, 0.5)), t(12L, 1.5)));
        rows.add(row("mult by a string", () -> TupleOperators.tupleMult(t(3L), t("2")), 1202));
        rows.add(row("div integers cut towards zero", () -> TupleOperators.tupleDiv(t(7L, -7L), t(2L)), t(3L, -3L)));
        rows.add(row("div with a real", () -> TupleOperators.tupleDiv(t(7L), t(2.0)), t(3.5)));
        rows.add(row("div by zero", () -> TupleOperators.tupleDiv(t(1L), t(0L)), 1302));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheValuesOrTheErrorNumber(String name, Supplier<List<Object>> call, Object expected) {
        if (expected instanceof Integer code) {
            HalconError error = catchThrowableOfType(HalconError.class, call::get);
            assertThat(error).as(name).isNotNull();
            assertThat(error.code()).as(name + ": " + error.getMessage()).isEqualTo(code);
        } else {
            // List.equals compares Long and Double as different types, which is what HALCON's types need.
            assertThat(call.get()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void seededRandIsRepeatableAndUniform() {
        RandomSource.global().setSeed(42);
        List<Object> first = TupleOperators.tupleRand(t(1000L));
        RandomSource.global().setSeed(42);
        List<Object> second = TupleOperators.tupleRand(t(1000L));
        assertThat(second).isEqualTo(first);
        double mean = first.stream().mapToDouble(v -> (Double) v).average().orElseThrow();
        assertThat(first).allSatisfy(v -> assertThat((Double) v).isGreaterThanOrEqualTo(0.0).isLessThan(1.0));
        // 1000 uniform draws: the mean's standard error is 0.0091; 4 of them is a loose bound.
        assertThat(mean).isBetween(0.5 - 0.037, 0.5 + 0.037);
        RandomSource.global().setSeed(43);
        assertThat(TupleOperators.tupleRand(t(1000L))).isNotEqualTo(first);
    }

    @Test
    void shuffleIsThePermutationTheProcedureComputes() {
        List<Object> tuple = t("a", "b", "c", "d", "e", 1L, 2.5);
        RandomSource.global().setSeed(7);
        List<Object> shuffled = TupleOperators.tupleShuffle(tuple);
        // The procedure's body, step by step: Shuffled := Tuple[sort_index(rand(|Tuple|))].
        RandomSource.global().setSeed(7);
        List<Object> rand = TupleOperators.tupleRand(t((long) tuple.size()));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rand.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare((Double) rand.get(a), (Double) rand.get(b)));
        List<Object> expected = new ArrayList<>();
        order.forEach(i -> expected.add(tuple.get(i)));
        assertThat(shuffled).isEqualTo(expected).containsExactlyInAnyOrderElementsOf(tuple);
        assertThat(TupleOperators.tupleShuffle(t())).isEmpty();
    }
}
