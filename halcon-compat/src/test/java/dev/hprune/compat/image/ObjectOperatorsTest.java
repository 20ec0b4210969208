package dev.hprune.compat.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.error.HalconError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gen_empty_obj, concat_obj, select_obj (1-based) and count_obj on object tuples of several images. */
class ObjectOperatorsTest {
    final Image a = Image.constant(PixelType.BYTE, 2, 2, 1, 1);
    final Image b = Image.constant(PixelType.REAL, 3, 3, 1, 2);
    final Image c = Image.constant(PixelType.BYTE, 4, 4, 3, 3);

    @Test
    void buildsCountsAndSelects() {
        List<Image> empty = ObjectOperators.genEmptyObj();
        assertThat(ObjectOperators.countObj(empty)).containsExactly(0L);
        List<Image> one = ObjectOperators.concatObj(empty, List.of(a));
        List<Image> three = ObjectOperators.concatObj(one, List.of(b, c));
        assertThat(ObjectOperators.countObj(three)).containsExactly(3L);
        assertThat(three).containsExactly(a, b, c);
        assertThat(ObjectOperators.selectObj(three, List.of(3L, 1L))).containsExactly(c, a);
        assertThat(ObjectOperators.selectObj(three, List.of(2L))).containsExactly(b);
    }

    @Test
    void refusesBadInput() {
        List<Image> two = List.of(a, b);
        assertCode(() -> ObjectOperators.selectObj(two, List.of(0L)), 1301);
        assertCode(() -> ObjectOperators.selectObj(two, List.of(3L)), 1301);
        assertCode(() -> ObjectOperators.selectObj(two, List.of(1.0)), 1201);
        assertCode(() -> ObjectOperators.selectObj(two, List.of()), 1401);
        assertCode(() -> ObjectOperators.selectObj(null, List.of(1L)), 2953);
        assertCode(() -> ObjectOperators.concatObj(two, null), 2953);
        assertCode(() -> ObjectOperators.countObj(null), 2953);
    }

    static void assertCode(Runnable call, int code) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).isNotNull();
        assertThat(error.code()).as(error.getMessage()).isEqualTo(code);
    }
}
