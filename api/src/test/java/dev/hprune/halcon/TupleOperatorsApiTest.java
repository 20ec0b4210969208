package dev.hprune.halcon;

import static dev.hprune.halcon.HalconAssertions.assertHalconError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HALCON-shaped forms of the tuple, system, file and object operators: HOperatorSet statics, HTuple methods, the
 * tuple_shuffle procedure. Semantics are tested in halcon-compat; here the conversions, the outputs and the operator
 * names in errors.
 */
class TupleOperatorsApiTest {

    @Test
    void hTupleMethodsAndStaticsAgree() {
        HTuple t = HTuple.of(30L, 10L, 20L);
        HTuple viaStatic = new HTuple();
        HOperatorSet.TupleSortIndex(t, viaStatic);
        assertThat(t.TupleSortIndex()).isEqualTo(viaStatic).isEqualTo(HTuple.of(1L, 2L, 0L));
        assertThat(t.TupleSelect(t.TupleSortIndex())).isEqualTo(HTuple.of(10L, 20L, 30L));
        assertThat(t.TupleLength()).isEqualTo(new HTuple(3L));
        assertThat(t.TupleFirstN(new HTuple(1))).isEqualTo(HTuple.of(30L, 10L));
        assertThat(t.TupleAdd(new HTuple(0.5))).isEqualTo(HTuple.of(30.5, 10.5, 20.5));
        assertThat(new HTuple("img_").TupleAdd(HTuple.of(1L, 2L))).isEqualTo(HTuple.of("img_1", "img_2"));
        assertThat(new HTuple(0.25).TupleString(new HTuple(".2f"))).isEqualTo(new HTuple("0.25"));
        assertThat(HTuple.TupleGenSequence(new HTuple(0), new HTuple(4), new HTuple(2)))
                .isEqualTo(HTuple.of(0L, 2L, 4L));
        assertThat(HTuple.TupleGenConst(new HTuple(2), new HTuple("x"))).isEqualTo(HTuple.of("x", "x"));
        assertThat(new HTuple("a b").TupleSplit(new HTuple(" "))).isEqualTo(HTuple.of("a", "b"));
        assertThat(t.TupleMax()).isEqualTo(new HTuple(30L));
        assertThat(t.TupleEqual(t.copy())).isEqualTo(new HTuple(1L));
    }

    @Test
    void errorsNameTheOperator() {
        HTuple t = HTuple.of(1L, 2L);
        assertHalconError(() -> t.TupleSelect(new HTuple(2)), 1302, "tuple_select");
        assertHalconError(() -> new HTuple().TupleMax(), 1401, "tuple_max");
        assertHalconError(() -> HOperatorSet.TupleLength(t, null), 2956, "tuple_length");
        assertHalconError(() -> HOperatorSet.TupleLength(null, new HTuple()), 2954, "tuple_length");
    }

    @Test
    void seededRandAndShuffleRepeat() {
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(42));
        HTuple first = HTuple.TupleRand(new HTuple(5));
        HTuple shuffledFirst = new HTuple();
        StandardProcedures.TupleShuffle(HTuple.of("a", "b", "c", "d"), shuffledFirst);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(42));
        HTuple second = HTuple.TupleRand(new HTuple(5));
        HTuple shuffledSecond = new HTuple();
        StandardProcedures.TupleShuffle(HTuple.of("a", "b", "c", "d"), shuffledSecond);
        assertThat(second).isEqualTo(first);
        assertThat(shuffledSecond).isEqualTo(shuffledFirst);
        HTuple seed = new HTuple();
        HOperatorSet.GetSystem(new HTuple("seed_rand"), seed);
        assertThat(seed).isEqualTo(new HTuple(42L));
        assertHalconError(() -> HOperatorSet.SetSystem(new HTuple("seed"), new HTuple(1)), 1301, "set_system");
    }

    @Test
    void filesThroughTheApi(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        HTuple files = new HTuple();
        HOperatorSet.ListFiles(new HTuple(dir.toString()), new HTuple("files"), files);
        assertThat(files).isEqualTo(new HTuple(dir + "/a.txt"));
        HOperatorSet.MakeDir(new HTuple(dir + "/sub"));
        HTuple exists = new HTuple();
        HOperatorSet.FileExists(new HTuple(dir + "/sub"), exists);
        assertThat(exists).isEqualTo(new HTuple(1L));
        HOperatorSet.RemoveDir(new HTuple(dir + "/sub"));
        HOperatorSet.DeleteFile(new HTuple(dir + "/a.txt"));
        assertHalconError(() -> HOperatorSet.DeleteFile(new HTuple(dir + "/a.txt")), 5200, "delete_file");
    }

    @Test
    void objectTuplesHoldSeveralImages() {
        HObject empty = new HObject();
        HOperatorSet.GenEmptyObj(empty);
        HTuple count = new HTuple();
        HOperatorSet.CountObj(empty, count);
        assertThat(count).isEqualTo(new HTuple(0L));
        HObject two = new HObject();
        HOperatorSet.ConcatObj(empty, new HImage("byte", 2, 2), two);
        HOperatorSet.ConcatObj(two, new HImage("real", 3, 3), two);
        HOperatorSet.CountObj(two, count);
        assertThat(count).isEqualTo(new HTuple(2L));
        HObject second = new HObject();
        HOperatorSet.SelectObj(two, second, new HTuple(2));
        assertThat(new HImage(second).getImageType()).isEqualTo("real");
        HTuple widths = new HTuple();
        HOperatorSet.GetImageSize(two, widths, new HTuple());
        assertThat(widths).isEqualTo(HTuple.of(2L, 3L));
        assertHalconError(() -> HOperatorSet.SelectObj(two, new HObject(), new HTuple(3)), 1301, "select_obj");
        assertHalconError(() -> HOperatorSet.CountObj(new HObject(), new HTuple()), 2953, "count_obj");
    }
}
