package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.cshim.CSide.H;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dict and handle operators through C, checked against the Java API on the same handles. */
class DictAndHandleOperatorsTest {
    private final CSide c = new CSide();

    @AfterEach
    void release() {
        c.close();
    }

    private Pointer newDict() {
        PointerByReference ref = new PointerByReference();
        assertThat(C.T_create_dict(ref)).isEqualTo(2);
        Pointer dict = c.out(ref);
        assertThat(C.get_type(dict, 0)).isEqualTo(16);
        return dict;
    }

    @Test
    void valuesSetFromCAreSeenByJavaAndBack() {
        Pointer dict = newDict();
        assertThat(C.T_set_dict_tuple(dict, c.tuple("k"), c.tuple(1L, 2.5, "three"))).isEqualTo(2);

        HTuple javaDict = new HTuple(new HHandle(CSide.handle(dict)));
        HTuple fromJava = new HTuple();
        HOperatorSet.GetDictTuple(javaDict, new HTuple("k"), fromJava);
        assertThat(fromJava).isEqualTo(HTuple.of(1L, 2.5, "three"));

        HOperatorSet.SetDictTuple(javaDict, new HTuple(7), HTuple.of("from java", 8L));
        PointerByReference out = new PointerByReference();
        assertThat(C.T_get_dict_tuple(dict, c.tuple(7L), out)).isEqualTo(2);
        assertThat(CSide.read(c.out(out))).containsExactly("from java", 8L);
    }

    @Test
    void utf8StringsSurviveTheRoundTrip() {
        Pointer dict = newDict();
        String text = "Größe 尺寸";
        C.T_set_dict_tuple(dict, c.tuple("k"), c.tuple(text));
        PointerByReference out = new PointerByReference();
        C.T_get_dict_tuple(dict, c.tuple("k"), out);
        Pointer got = c.out(out);
        assertThat(C.get_s(got, 0)).isEqualTo(text);
        assertThat(Pointer.nativeValue(got)).isNotZero();
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(text.length());
    }

    @Test
    void handlesInsideDictsComeBackAsTheSameHandle() {
        Pointer outer = newDict();
        Pointer inner = newDict();
        C.T_set_dict_tuple(outer, c.tuple("child"), inner);
        PointerByReference out = new PointerByReference();
        C.T_get_dict_tuple(outer, c.tuple("child"), out);
        assertThat(CSide.read(c.out(out))).containsExactly(new H(CSide.handle(inner)));
    }

    @Test
    void getDictParamAndRemoveDictKeyMatchJava() {
        Pointer dict = newDict();
        C.T_set_dict_tuple(dict, c.tuple("a"), c.tuple(1L));
        C.T_set_dict_tuple(dict, c.tuple(2L), c.tuple(2L));
        PointerByReference out = new PointerByReference();
        assertThat(C.T_get_dict_param(dict, c.tuple("keys"), c.tuple(), out)).isEqualTo(2);
        HTuple javaKeys = new HTuple();
        HOperatorSet.GetDictParam(new HTuple(new HHandle(CSide.handle(dict))), new HTuple("keys"), new HTuple(),
                javaKeys);
        assertThat(CSide.read(c.out(out))).isEqualTo(CSide.javaValues(javaKeys)).containsExactly("a", 2L);

        assertThat(C.T_remove_dict_key(dict, c.tuple("a"))).isEqualTo(2);
        C.T_get_dict_param(dict, c.tuple("key_exists"), c.tuple("a", 2L), out);
        assertThat(CSide.read(c.out(out))).containsExactly(0L, 1L);
    }

    @Test
    void missingKeyIs2894WithTheOperatorInTheTextAndNoOutput() {
        Pointer dict = newDict();
        PointerByReference out = new PointerByReference(new Pointer(1)); // garbage the call must overwrite
        assertThat(C.T_get_dict_tuple(dict, c.tuple("missing"), out)).isEqualTo(2894);
        assertThat(out.getValue()).isNull();
        assertThat(C.hprune_last_error_code()).isEqualTo(2894);
        assertThat(C.hprune_last_error_text()).contains("2894", "get_dict_tuple", "missing");
    }

    @Test
    void clearedHandleIs2454AlsoForASecondClear() {
        Pointer dict = newDict();
        assertThat(C.T_clear_handle(dict)).isEqualTo(2);
        assertThat(C.T_set_dict_tuple(dict, c.tuple("k"), c.tuple(1L))).isEqualTo(2454);
        assertThat(C.T_clear_handle(dict)).isEqualTo(2454); // as HOperatorSet.ClearHandle: cleared stays cleared
        PointerByReference out = new PointerByReference();
        assertThat(C.T_get_dict_tuple(dict, c.tuple("k"), out)).isEqualTo(2454);
    }

    @Test
    void nullAndUnknownHandlesAre2453And2450() {
        assertThat(C.T_set_dict_tuple(c.tuple(new H(0)), c.tuple("k"), c.tuple(1L))).isEqualTo(2453);
        assertThat(C.T_set_dict_tuple(c.tuple(new H(987_654_321L)), c.tuple("k"), c.tuple(1L))).isEqualTo(2450);
    }

    @Test
    void wrongTypesAre1200PlusTheParameterPosition() {
        Pointer dict = newDict();
        assertThat(C.T_set_dict_tuple(c.tuple("not a handle"), c.tuple("k"), c.tuple(1L))).isEqualTo(1201);
        assertThat(C.T_set_dict_tuple(dict, c.tuple(1.5), c.tuple(1L))).isEqualTo(1202);
        assertThat(C.hprune_last_error_text()).contains("1202", "set_dict_tuple");
    }

    @Test
    void anUndefinedElementIsAWrongTypeOfItsParameter() {
        Pointer dict = newDict();
        PointerByReference ref = new PointerByReference();
        C.create_tuple(ref, 1); // never set
        assertThat(C.T_set_dict_tuple(dict, c.tuple("k"), c.out(ref))).isEqualTo(1203);
        assertThat(C.hprune_last_error_text()).contains("UNDEF_PAR");
    }

    @Test
    void nullInputTupleIs2954AndNullOutputAddressIs2956() {
        assertThat(C.T_set_dict_tuple(null, c.tuple("k"), c.tuple(1L))).isEqualTo(2954);
        assertThat(C.T_create_dict(null)).isEqualTo(2956);
    }

    @Test
    void errorCodesAreTheSameAsThoseOfTheJavaApi() {
        Pointer dict = newDict();
        int fromC = C.T_get_dict_tuple(dict, c.tuple(2.5), new PointerByReference());
        AtomicReference<Integer> fromJava = new AtomicReference<>();
        try {
            HOperatorSet.GetDictTuple(new HTuple(new HHandle(CSide.handle(dict))), new HTuple(2.5), new HTuple());
        } catch (dev.hprune.halcon.HalconException e) {
            fromJava.set(e.getErrorCode());
        }
        assertThat(fromC).isEqualTo(fromJava.get()).isBetween(1201, 1499);
    }

    @Test
    void errorTextIsHalconsStandardText() {
        byte[] text = new byte[1024];
        assertThat(C.get_error_text(2454, text)).isEqualTo(2);
        assertThat(new String(text, StandardCharsets.UTF_8).trim()).startsWith("Handle was cleared");
        PointerByReference out = new PointerByReference();
        assertThat(C.T_get_error_text(c.tuple(1302L), out)).isEqualTo(2);
        assertThat(CSide.read(c.out(out))).containsExactly("Wrong value of control parameter 2");
        assertThat(C.T_get_error_text(c.tuple("x"), out)).isEqualTo(1201);
    }

    @Test
    void lastErrorTextBelongsToTheCallingThread() throws Exception {
        Pointer dict = newDict();
        assertThat(C.T_get_dict_tuple(dict, c.tuple("here"), new PointerByReference())).isEqualTo(2894);
        Thread other = new Thread(() -> C.T_clear_handle(c.tuple(new H(0))));
        other.start();
        other.join();
        assertThat(C.hprune_last_error_text()).contains("2894").doesNotContain("2453");
    }
}
