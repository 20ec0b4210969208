package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.cshim.CSide.H;
import dev.hprune.halcon.HOperatorSet;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge itself: operator coverage, handle lifetimes held by C tuples, and the object registry. */
class BridgeTest {
    private final CSide c = new CSide();

    @AfterEach
    void release() {
        c.close();
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase();
    }

    @Test
    void everyHOperatorSetOperatorHasACOperatorWithTheSameParameterCounts() {
        C.T_create_dict(new PointerByReference()); // starts the bridge if no test did yet
        Set<String> cOperators = IntStream.range(0, NativeLib.hprune_op_count())
                .mapToObj(op -> NativeLib.hprune_op_name(op).getString(0))
                .collect(Collectors.toSet());
        List<Method> operators = Arrays.stream(HOperatorSet.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers())).toList();
        assertThat(operators).hasSizeGreaterThan(25);
        for (Method m : operators) {
            String name = snakeCase(m.getName());
            assertThat(cOperators).as("C operator for HOperatorSet.%s", m.getName()).contains(name);
            JavaOperator op = JavaOperator.BY_NAME.get(name);
            assertThat(op.objIn() + op.objOut() + op.ctrlIn() + op.ctrlOut()).as(name)
                    .isEqualTo(m.getParameterCount());
        }
    }

    @Test
    void aHandleOnlyCHoldsSurvivesGarbageCollection() throws Exception {
        PointerByReference ref = new PointerByReference();
        C.T_create_dict(ref);
        Pointer dict = c.out(ref);
        long id = CSide.handle(dict);
        C.T_set_dict_tuple(dict, c.tuple("k"), c.tuple(5L));
        assertThat(NativeBridge.instance().references(id)).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        PointerByReference out = new PointerByReference();
        assertThat(C.T_get_dict_tuple(dict, c.tuple("k"), out)).isEqualTo(2);
        assertThat(CSide.read(c.out(out))).containsExactly(5L);
    }

    @Test
    void tupleElementsCountAsReferencesUntilDestroyed() {
        PointerByReference ref = new PointerByReference();
        C.T_create_dict(ref);
        Pointer dict = ref.getValue();
        long id = CSide.handle(dict);
        PointerByReference copy = new PointerByReference();
        C.copy_tuple(dict, copy);
        Pointer pair = c.tuple(new H(id), new H(id));
        assertThat(NativeBridge.instance().references(id)).isEqualTo(4);
        C.set_i(pair, 1, 0); // overwriting a handle element drops its reference
        C.resize_tuple(pair, 0);
        C.destroy_tuple(copy.getValue());
        assertThat(NativeBridge.instance().references(id)).isEqualTo(1);
        C.destroy_tuple(dict);
        assertThat(NativeBridge.instance().references(id)).isZero();
    }

    @Test
    void numbersJavaNeverIssuedTakeNoReference() {
        c.tuple(new H(123_456_789L));
        assertThat(NativeBridge.instance().references(123_456_789L)).isZero();
    }

    @Test
    void aFailingCallLeavesNoObjectsOrReferencesBehind() {
        C.T_create_dict(new PointerByReference()); // bridge up
        int objects = NativeBridge.instance().liveObjects();
        int handles = NativeBridge.instance().referencedHandles();
        PointerByReference out = new PointerByReference();
        assertThat(C.T_gen_image_const(out, c.tuple("byte"), c.tuple(-1L), c.tuple(2L))).isNotEqualTo(2);
        assertThat(C.T_read_dl_model(c.tuple("/nonexistent/model.onnx"), out)).isNotEqualTo(2);
        assertThat(NativeBridge.instance().liveObjects()).isEqualTo(objects);
        assertThat(NativeBridge.instance().referencedHandles()).isEqualTo(handles);
    }

    @Test
    void aJavaExceptionInTheBridgeBecomesInternalError7779WithItsText() {
        C.T_create_dict(new PointerByReference()); // bridge up
        Memory err = new Memory(512);
        // An operator number C never sends: the dispatcher's own IllegalArgumentException must not escape.
        int rc = NativeBridge.instance().dispatch(9999, null, null, null, null, err, 512);
        assertThat(rc).isEqualTo(7779);
        assertThat(err.getString(0)).startsWith("HALCON error #7779").contains("IllegalArgumentException", "9999");
        Memory small = new Memory(32);
        NativeBridge.instance().dispatch(9999, null, null, null, null, small, 32);
        assertThat(small.getString(0)).hasSize(31); // cut to the buffer, NUL-terminated
    }
}
