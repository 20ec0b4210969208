package dev.hprune.tests.reliability;

import static dev.hprune.tests.reliability.BadInputMatrixTest.EMPTY;
import static dev.hprune.tests.reliability.BadInputMatrixTest.NULL;
import static dev.hprune.tests.reliability.BadInputMatrixTest.OTHER;
import static dev.hprune.tests.reliability.BadInputMatrixTest.OUT_OF_RANGE;
import static dev.hprune.tests.reliability.BadInputMatrixTest.UNKNOWN_NAME;
import static dev.hprune.tests.reliability.BadInputMatrixTest.WRONG_LENGTH;
import static dev.hprune.tests.reliability.BadInputMatrixTest.WRONG_TYPE;

import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.reliability.BadInputMatrixTest.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The bad-input matrix rows of the tuple, system, file and object-tuple operators (issue 14), kept apart from the
 * model and dict rows so that each group of operators adds its rows in one place.
 */
final class TupleSystemFileObjectRows {
    private TupleSystemFileObjectRows() {}

    static HTuple t(Object... values) {
        return HTuple.of(values);
    }

    /** {@code folder} is read when a row runs: the matrix's temporary folder, which holds files. */
    static List<Row> rows(Supplier<Path> folder) {
        List<Row> rows = new ArrayList<>();
        HTuple out = new HTuple();
        HTuple nullTuple = null;
        HTuple abc = t("a", "b", "c");

        // selection
        rows.add(new Row("tuple_length", NULL, "null tuple", 2954, () -> HOperatorSet.TupleLength(nullTuple, out)));
        rows.add(new Row("tuple_length", NULL, "null output", 2956, () -> HOperatorSet.TupleLength(abc, nullTuple)));
        rows.add(new Row("tuple_select", OUT_OF_RANGE, "index 3 of 3", 1302,
                () -> HOperatorSet.TupleSelect(abc, t(3), out)));
        rows.add(new Row("tuple_select", WRONG_TYPE, "string index", 1202,
                () -> HOperatorSet.TupleSelect(abc, t("0"), out)));
        rows.add(new Row("tuple_select", OUT_OF_RANGE, "index 0.5", 1302,
                () -> HOperatorSet.TupleSelect(abc, t(0.5), out)));
        rows.add(new Row("tuple_select_range", OUT_OF_RANGE, "right before left - 1", 1303,
                () -> HOperatorSet.TupleSelectRange(abc, t(2), t(0), out)));
        rows.add(new Row("tuple_select_range", WRONG_LENGTH, "two left indices", 1402,
                () -> HOperatorSet.TupleSelectRange(abc, t(0, 1), t(2), out)));
        rows.add(new Row("tuple_first_n", EMPTY, "empty tuple", 1401,
                () -> HOperatorSet.TupleFirstN(t(), t(0), out)));
        rows.add(new Row("tuple_first_n", OUT_OF_RANGE, "index 3 of 3", 1302,
                () -> HOperatorSet.TupleFirstN(abc, t(3), out)));
        rows.add(new Row("tuple_last_n", OUT_OF_RANGE, "index 4 of 3", 1302,
                () -> HOperatorSet.TupleLastN(abc, t(4), out)));
        rows.add(new Row("tuple_last_n", EMPTY, "no index", 1402, () -> HOperatorSet.TupleLastN(abc, t(), out)));
        rows.add(new Row("tuple_find", NULL, "null ToFind", 2954, () -> HOperatorSet.TupleFind(abc, nullTuple, out)));
        rows.add(new Row("tuple_uniq", NULL, "null output", 2956, () -> HOperatorSet.TupleUniq(abc, nullTuple)));
        rows.add(new Row("tuple_inverse", NULL, "null tuple", 2954, () -> HOperatorSet.TupleInverse(nullTuple, out)));
        rows.add(new Row("tuple_concat", NULL, "null second", 2954, () -> HOperatorSet.TupleConcat(abc, nullTuple, out)));
        // sorting
        rows.add(new Row("tuple_sort", WRONG_TYPE, "numbers and strings", 1201,
                () -> HOperatorSet.TupleSort(t(1, "a"), out)));
        rows.add(new Row("tuple_sort_index", WRONG_TYPE, "numbers and strings", 1201,
                () -> HOperatorSet.TupleSortIndex(t("a", 2.5), out)));
        // generation
        rows.add(new Row("tuple_gen_sequence", OUT_OF_RANGE, "step 0", 1303,
                () -> HOperatorSet.TupleGenSequence(t(0), t(5), t(0), out)));
        rows.add(new Row("tuple_gen_sequence", WRONG_TYPE, "string end", 1202,
                () -> HOperatorSet.TupleGenSequence(t(0), t("5"), t(1), out)));
        rows.add(new Row("tuple_gen_sequence", EMPTY, "no start", 1401,
                () -> HOperatorSet.TupleGenSequence(t(), t(5), t(1), out)));
        rows.add(new Row("tuple_gen_const", OUT_OF_RANGE, "length -1", 1301,
                () -> HOperatorSet.TupleGenConst(t(-1), t(0), out)));
        rows.add(new Row("tuple_gen_const", WRONG_LENGTH, "two constants", 1402,
                () -> HOperatorSet.TupleGenConst(t(2), t(0, 1), out)));
        rows.add(new Row("tuple_rand", OUT_OF_RANGE, "length -1", 1301, () -> HOperatorSet.TupleRand(t(-1), out)));
        rows.add(new Row("tuple_rand", WRONG_TYPE, "real length", 1201, () -> HOperatorSet.TupleRand(t(2.0), out)));
        // statistics
        rows.add(new Row("tuple_sum", WRONG_TYPE, "numbers and strings", 1201,
                () -> HOperatorSet.TupleSum(t(1, "a"), out)));
        rows.add(new Row("tuple_max", EMPTY, "empty tuple", 1401, () -> HOperatorSet.TupleMax(t(), out)));
        rows.add(new Row("tuple_min", WRONG_TYPE, "numbers and strings", 1201,
                () -> HOperatorSet.TupleMin(t("a", 1), out)));
        rows.add(new Row("tuple_mean", EMPTY, "empty tuple", 1401, () -> HOperatorSet.TupleMean(t(), out)));
        rows.add(new Row("tuple_mean", WRONG_TYPE, "strings", 1201, () -> HOperatorSet.TupleMean(t("a"), out)));
        // conversion
        rows.add(new Row("tuple_round", WRONG_TYPE, "string", 1201, () -> HOperatorSet.TupleRound(t("1.5"), out)));
        rows.add(new Row("tuple_round", OUT_OF_RANGE, "1e300", 1301, () -> HOperatorSet.TupleRound(t(1e300), out)));
        rows.add(new Row("tuple_int", WRONG_TYPE, "string", 1201, () -> HOperatorSet.TupleInt(t("2"), out)));
        rows.add(new Row("tuple_real", WRONG_TYPE, "string", 1201, () -> HOperatorSet.TupleReal(t("2"), out)));
        rows.add(new Row("tuple_string", UNKNOWN_NAME, "format 'q'", 1302,
                () -> HOperatorSet.TupleString(t(1), t("q"), out)));
        rows.add(new Row("tuple_string", WRONG_TYPE, "string under 'd'", 1201,
                () -> HOperatorSet.TupleString(t("a"), t("d"), out)));
        rows.add(new Row("tuple_string", WRONG_LENGTH, "two formats", 1402,
                () -> HOperatorSet.TupleString(t(1), t("d", "f"), out)));
        // comparison and strings
        rows.add(new Row("tuple_equal", NULL, "null first", 2954, () -> HOperatorSet.TupleEqual(nullTuple, abc, out)));
        rows.add(new Row("tuple_regexp_match", OTHER, "bad pattern", 1302,
                () -> HOperatorSet.TupleRegexpMatch(abc, t("[a"), out)));
        rows.add(new Row("tuple_regexp_match", UNKNOWN_NAME, "option 'greedy'", 1302,
                () -> HOperatorSet.TupleRegexpMatch(abc, t("a", "greedy"), out)));
        rows.add(new Row("tuple_regexp_match", WRONG_TYPE, "integer data", 1201,
                () -> HOperatorSet.TupleRegexpMatch(t(1), t("1"), out)));
        rows.add(new Row("tuple_split", WRONG_LENGTH, "2 strings, 3 separators", 1402,
                () -> HOperatorSet.TupleSplit(t("a", "b"), t(",", ";", " "), out)));
        rows.add(new Row("tuple_split", WRONG_TYPE, "integer separator", 1202,
                () -> HOperatorSet.TupleSplit(t("a"), t(1), out)));
        rows.add(new Row("tuple_strstr", WRONG_TYPE, "integer string", 1201,
                () -> HOperatorSet.TupleStrstr(t(1), t("a"), out)));
        rows.add(new Row("tuple_str_bit_select", OUT_OF_RANGE, "index -1", 1302,
                () -> HOperatorSet.TupleStrBitSelect(abc, t(-1), out)));
        rows.add(new Row("tuple_str_bit_select", WRONG_TYPE, "real element", 1201,
                () -> HOperatorSet.TupleStrBitSelect(t(0.5), t(0), out)));
        // arithmetic
        rows.add(new Row("tuple_add", WRONG_LENGTH, "lengths 2 and 3", 1402,
                () -> HOperatorSet.TupleAdd(t(1, 2), t(1, 2, 3), out)));
        rows.add(new Row("tuple_sub", WRONG_TYPE, "string", 1202, () -> HOperatorSet.TupleSub(t(1), t("a"), out)));
        rows.add(new Row("tuple_mult", WRONG_TYPE, "string", 1201, () -> HOperatorSet.TupleMult(t("a"), t(2), out)));
        rows.add(new Row("tuple_div", OUT_OF_RANGE, "division by zero", 1302,
                () -> HOperatorSet.TupleDiv(t(1), t(0), out)));
        rows.add(new Row("tuple_div", WRONG_LENGTH, "lengths 2 and 3", 1402,
                () -> HOperatorSet.TupleDiv(t(1, 2), t(1, 2, 3), out)));

        // system
        rows.add(new Row("set_system", UNKNOWN_NAME, "'seed'", 1301,
                () -> HOperatorSet.SetSystem(t("seed"), t(1))));
        rows.add(new Row("set_system", WRONG_TYPE, "real seed", 1202,
                () -> HOperatorSet.SetSystem(t("seed_rand"), t(1.5))));
        rows.add(new Row("set_system", EMPTY, "no seed", 1402, () -> HOperatorSet.SetSystem(t("seed_rand"), t())));
        rows.add(new Row("get_system", UNKNOWN_NAME, "'width'", 1301, () -> HOperatorSet.GetSystem(t("width"), out)));
        rows.add(new Row("get_system", EMPTY, "no query", 1401, () -> HOperatorSet.GetSystem(t(), out)));

        // files
        Supplier<String> missing = () -> folder.get().resolve("missing").toString();
        Supplier<String> existing = () -> folder.get().toString();
        rows.add(new Row("file_exists", WRONG_TYPE, "integer name", 1201, () -> HOperatorSet.FileExists(t(1), out)));
        rows.add(new Row("file_exists", OUT_OF_RANGE, "empty name", 1301, () -> HOperatorSet.FileExists(t(""), out)));
        rows.add(new Row("list_files", OTHER, "missing directory", 5200,
                () -> HOperatorSet.ListFiles(t(missing.get()), t("files"), out)));
        rows.add(new Row("list_files", UNKNOWN_NAME, "option 'sorted'", 1302,
                () -> HOperatorSet.ListFiles(t(existing.get()), t("sorted"), out)));
        rows.add(new Row("list_files", OUT_OF_RANGE, "'max_depth 0'", 1302,
                () -> HOperatorSet.ListFiles(t(existing.get()), t("max_depth 0"), out)));
        rows.add(new Row("make_dir", OTHER, "exists already", 1301,
                () -> HOperatorSet.MakeDir(t(existing.get()))));
        rows.add(new Row("make_dir", WRONG_LENGTH, "two names", 1401,
                () -> HOperatorSet.MakeDir(t(missing.get(), missing.get()))));
        rows.add(new Row("remove_dir", OTHER, "missing directory", 5200, () -> HOperatorSet.RemoveDir(t(missing.get()))));
        rows.add(new Row("remove_dir", OTHER, "not empty", 1301,
                () -> HOperatorSet.RemoveDir(t(existing.get()))));
        rows.add(new Row("delete_file", OTHER, "missing file", 5200, () -> HOperatorSet.DeleteFile(t(missing.get()))));
        rows.add(new Row("delete_file", OTHER, "a directory", 1301,
                () -> HOperatorSet.DeleteFile(t(existing.get()))));

        // object tuples
        HObject two = new HObject();
        HOperatorSet.ConcatObj(new HImage("byte", 2, 2), new HImage("byte", 3, 3), two);
        rows.add(new Row("gen_empty_obj", NULL, "null output", 2955, () -> HOperatorSet.GenEmptyObj(null)));
        rows.add(new Row("concat_obj", NULL, "uninitialized second", 2953,
                () -> HOperatorSet.ConcatObj(two, new HObject(), new HObject())));
        rows.add(new Row("concat_obj", NULL, "null output", 2955, () -> HOperatorSet.ConcatObj(two, two, null)));
        rows.add(new Row("select_obj", OUT_OF_RANGE, "index 0 (1-based)", 1301,
                () -> HOperatorSet.SelectObj(two, new HObject(), t(0))));
        rows.add(new Row("select_obj", OUT_OF_RANGE, "index 3 of 2", 1301,
                () -> HOperatorSet.SelectObj(two, new HObject(), t(3))));
        rows.add(new Row("select_obj", WRONG_TYPE, "string index", 1201,
                () -> HOperatorSet.SelectObj(two, new HObject(), t("1"))));
        rows.add(new Row("select_obj", EMPTY, "no index", 1401, () -> HOperatorSet.SelectObj(two, new HObject(), t())));
        rows.add(new Row("count_obj", NULL, "uninitialized object", 2953,
                () -> HOperatorSet.CountObj(new HObject(), out)));
        rows.add(new Row("count_obj", NULL, "null output", 2956, () -> HOperatorSet.CountObj(two, nullTuple)));
        return rows;
    }
}
