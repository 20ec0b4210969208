package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HALCON/C's tuple functions, in C alone. */
class TupleFunctionsTest {
    private final CSide c = new CSide();

    @AfterEach
    void release() {
        c.close();
    }

    @Test
    void mixedTupleKeepsEachElementsTypeAndValue() {
        Pointer t = c.tuple(42L, 0.25, "oracle");
        assertThat(CSide.read(t)).containsExactly(42L, 0.25, "oracle");
        assertThat(List.of(C.get_type(t, 0), C.get_type(t, 1), C.get_type(t, 2))).containsExactly(1, 2, 4);
        assertThat(C.get_tuple_type(t)).isEqualTo(8);
    }

    @Test
    void emptyTupleHasTypeAnyAndNewElementsAreUndefined() {
        PointerByReference ref = new PointerByReference();
        C.create_tuple(ref, 0);
        assertThat(C.get_tuple_type(c.out(ref))).isEqualTo(31);
        C.create_tuple(ref, 2);
        Pointer two = c.out(ref);
        assertThat(C.get_type(two, 0)).isZero();
        assertThat(C.length_tuple(two)).isEqualTo(2);
    }

    @Test
    void typedTupleHoldsZerosOfItsType() {
        PointerByReference ref = new PointerByReference();
        assertThat(C.create_tuple_type(ref, 3, 4)).isEqualTo(2);
        assertThat(CSide.read(c.out(ref))).containsExactly("", "", "");
        assertThat(C.create_tuple_type(ref, 2, 2)).isEqualTo(2);
        assertThat(CSide.read(c.out(ref))).containsExactly(0.0, 0.0);
        assertThat(C.create_tuple_type(ref, 1, 99)).isEqualTo(1303);
        assertThat(ref.getValue()).isNull();
    }

    @Test
    void oneElementConstructorsAndReuse() {
        PointerByReference ref = new PointerByReference();
        C.create_tuple_d(ref, 1.5);
        assertThat(C.get_d(ref.getValue(), 0)).isEqualTo(1.5);
        C.reuse_tuple_s(ref, "again"); // destroys the real tuple first
        assertThat(CSide.read(ref.getValue())).containsExactly("again");
        C.reuse_tuple_i(ref, 7);
        assertThat(CSide.read(ref.getValue())).containsExactly(7L);
        C.reuse_tuple_d(ref, -2.0);
        assertThat(CSide.read(c.out(ref))).containsExactly(-2.0);
    }

    @Test
    void setReplacesAnElementOfAnotherTypeAndCopiesStrings() {
        Pointer t = c.tuple("text", 1L);
        C.set_d(t, 3.0, 0);
        C.set_s(t, "copied", 1);
        assertThat(CSide.read(t)).containsExactly(3.0, "copied");
    }

    @Test
    void indexOutsideTheTupleIsRefusedAndReadsAsZero() {
        Pointer t = c.tuple(5L);
        assertThat(C.set_i(t, 1, 1)).isEqualTo(2402);
        assertThat(C.set_s(t, "x", -1)).isEqualTo(2402);
        assertThat(C.get_i(t, 3)).isZero();
        assertThat(C.get_s(t, 3)).isEmpty();
        assertThat(C.get_type(t, 3)).isZero();
    }

    @Test
    void typedReadsOfAnotherTypeGiveZeroButIntegersReadAsReals() {
        Pointer t = c.tuple(5L, "s");
        assertThat(C.get_d(t, 0)).isEqualTo(5.0);
        assertThat(C.get_i(t, 1)).isZero();
        assertThat(C.get_s(t, 0)).isEmpty();
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        Pointer t = c.tuple(1L, "a");
        PointerByReference ref = new PointerByReference();
        assertThat(C.copy_tuple(t, ref)).isEqualTo(2);
        Pointer copy = c.out(ref);
        C.set_s(t, "changed", 1);
        assertThat(CSide.read(copy)).containsExactly(1L, "a");
    }

    @Test
    void resizeGrowsWithUndefinedElementsAndShrinks() {
        Pointer t = c.tuple(1L, "a", 2.0);
        assertThat(C.resize_tuple(t, 1)).isEqualTo(2);
        assertThat(CSide.read(t)).containsExactly(1L);
        assertThat(C.resize_tuple(t, 4)).isEqualTo(2);
        assertThat(C.length_tuple(t)).isEqualTo(4);
        assertThat(C.get_type(t, 1)).isZero();
        assertThat(C.get_type(t, 3)).isZero();
        assertThat(C.resize_tuple(t, -1)).isEqualTo(1302);
    }

    @Test
    void nullTuplesAreHarmless() {
        assertThat(C.destroy_tuple(null)).isEqualTo(2);
        assertThat(C.length_tuple(null)).isZero();
        assertThat(C.copy_tuple(null, new PointerByReference())).isEqualTo(2954);
    }
}
