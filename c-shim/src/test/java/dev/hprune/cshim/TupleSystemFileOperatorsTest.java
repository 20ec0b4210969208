package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The T_ forms of the tuple, system and file operators and the object-tuple functions, through the C library, each
 * checked against the HOperatorSet method of the same name: same values of the same types, or the same error number.
 */
class TupleSystemFileOperatorsTest {
    private static final NativeLibrary LIB = NativeLibrary.getInstance(HalconCLibrary.libraryPath().toString());
    private final CSide c = new CSide();

    @AfterEach
    void release() {
        c.close();
    }

    static Object[] in(Object... values) {
        return values;
    }

    /** The input tuples of one call (List.of would spread a single array into its elements). */
    static List<Object[]> ins(Object[]... tuples) {
        return Arrays.asList(tuples);
    }

    /** operator, its input tuples; a mix of good and bad input. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("tuple_length", ins(in("a", 1L, 2.5))),
                Arguments.of("tuple_select", ins(in("a", "b", "c"), in(2L, 0L))),
                Arguments.of("tuple_select", ins(in("a", "b", "c"), in(3L))),
                Arguments.of("tuple_select_range", ins(in(1L, 2L, 3L, 4L), in(1L), in(2L))),
                Arguments.of("tuple_first_n", ins(in(1L, 2L, 3L), in(1L))),
                Arguments.of("tuple_first_n", ins(in(), in(0L))),
                Arguments.of("tuple_last_n", ins(in(1L, 2L, 3L), in(1L))),
                Arguments.of("tuple_find", ins(in(1L, 2L, 1L, 2L), in(1L, 2L))),
                Arguments.of("tuple_uniq", ins(in(1L, 1L, 2L, 2L, 1L))),
                Arguments.of("tuple_inverse", ins(in(1L, "x", 2.5))),
                Arguments.of("tuple_concat", ins(in(1L), in("x", 2.5))),
                Arguments.of("tuple_sort", ins(in(3L, 1.5, -2L))),
                Arguments.of("tuple_sort", ins(in(3L, "a"))),
                Arguments.of("tuple_sort_index", ins(in(30L, 10L, 20L))),
                Arguments.of("tuple_gen_sequence", ins(in(0L), in(1L), in(0.25))),
                Arguments.of("tuple_gen_sequence", ins(in(0L), in(1L), in(0L))),
                Arguments.of("tuple_gen_const", ins(in(3L), in("x"))),
                Arguments.of("tuple_sum", ins(in(1L, 2L, 0.5))),
                Arguments.of("tuple_max", ins(in("b", "a"))),
                Arguments.of("tuple_max", ins(in())),
                Arguments.of("tuple_min", ins(in(4L, -1L))),
                Arguments.of("tuple_mean", ins(in(1L, 2L))),
                Arguments.of("tuple_round", ins(in(2.5, -2.5, 3L))),
                Arguments.of("tuple_int", ins(in(2.9, -2.9))),
                Arguments.of("tuple_real", ins(in(2L))),
                Arguments.of("tuple_string", ins(in(3.14159, 42L), in("8.3f"))),
                Arguments.of("tuple_string", ins(in("x"), in("d"))),
                Arguments.of("tuple_equal", ins(in(1L, "a"), in(1.0, "a"))),
                Arguments.of("tuple_regexp_match", ins(in("img_042.png", "x"), in("([0-9]+)"))),
                Arguments.of("tuple_split", ins(in("a/b//c"), in("/"))),
                Arguments.of("tuple_strstr", ins(in("classification"), in("ss"))),
                Arguments.of("tuple_str_bit_select", ins(in("abc", 6L), in(1L))),
                Arguments.of("tuple_add", ins(in("img_"), in(1L, 2.5))),
                Arguments.of("tuple_add", ins(in(1L, 2L), in(1L, 2L, 3L))),
                Arguments.of("tuple_sub", ins(in(5L, 5.5), in(2L))),
                Arguments.of("tuple_mult", ins(in(3L), in(4L, 0.5))),
                Arguments.of("tuple_div", ins(in(7L, -7L), in(2L))),
                Arguments.of("tuple_div", ins(in(7L), in(0L))),
                Arguments.of("get_system", ins(in("width"))),
                Arguments.of("file_exists", ins(in("/definitely/not/here"))),
                Arguments.of("list_files", ins(in("/definitely/not/here"), in("files"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void cAndJavaAgree(String operator, List<Object[]> inputs) throws Exception {
        Object[] args = new Object[inputs.size() + 1];
        for (int i = 0; i < inputs.size(); i++) {
            args[i] = c.tuple(inputs.get(i));
        }
        PointerByReference out = new PointerByReference();
        args[inputs.size()] = out;
        Function function = LIB.getFunction("T_" + operator);
        int rc = function.invokeInt(args);

        HTuple[] javaArgs = new HTuple[inputs.size() + 1];
        for (int i = 0; i < inputs.size(); i++) {
            javaArgs[i] = HTuple.of(inputs.get(i));
        }
        javaArgs[inputs.size()] = new HTuple();
        int javaCode = 2;
        try {
            javaMethod(operator, javaArgs.length).invoke(null, (Object[]) javaArgs);
        } catch (InvocationTargetException e) {
            javaCode = ((HOperatorException) e.getCause()).getErrorCode();
        }
        assertThat(rc).as("%s: %s", operator, C.hprune_last_error_text()).isEqualTo(javaCode);
        if (rc == 2) {
            assertThat(CSide.read(c.out(out))).isEqualTo(CSide.javaValues(javaArgs[inputs.size()]));
        } else {
            assertThat(out.getValue()).as("no output after a failure").isNull();
            assertThat(C.hprune_last_error_text()).contains(operator);
        }
    }

    @Test
    void seedRandFromCSeedsTheSameSourceAsJava() {
        Function set = LIB.getFunction("T_set_system");
        Function rand = LIB.getFunction("T_tuple_rand");
        assertThat(set.invokeInt(new Object[] {c.tuple("seed_rand"), c.tuple(5L)})).isEqualTo(2);
        PointerByReference out = new PointerByReference();
        assertThat(rand.invokeInt(new Object[] {c.tuple(4L), out})).isEqualTo(2);
        List<Object> fromC = CSide.read(c.out(out));
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(5));
        HTuple fromJava = new HTuple();
        HOperatorSet.TupleRand(new HTuple(4), fromJava);
        assertThat(fromC).hasSize(4).isEqualTo(CSide.javaValues(fromJava));
        assertThat(set.invokeInt(new Object[] {c.tuple("seed_rand"), c.tuple(1.5)})).isEqualTo(1202);
    }

    @Test
    void filesThroughC(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        String sub = dir.resolve("sub").toString();
        assertThat(LIB.getFunction("T_make_dir").invokeInt(new Object[] {c.tuple(sub)})).isEqualTo(2);
        PointerByReference out = new PointerByReference();
        assertThat(LIB.getFunction("T_list_files").invokeInt(
                new Object[] {c.tuple(dir.toString()), c.tuple("files", "directories"), out})).isEqualTo(2);
        assertThat(CSide.read(c.out(out))).containsExactly(dir + "/a.txt", sub + "/");
        assertThat(LIB.getFunction("T_remove_dir").invokeInt(new Object[] {c.tuple(sub)})).isEqualTo(2);
        assertThat(LIB.getFunction("T_remove_dir").invokeInt(new Object[] {c.tuple(sub)})).isEqualTo(5200);
        assertThat(LIB.getFunction("T_delete_file").invokeInt(new Object[] {c.tuple(dir + "/a.txt")})).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("a.txt"))).isFalse();
    }

    @Test
    void objectTuplesThroughC() {
        PointerByReference ref = new PointerByReference();
        assertThat(C.gen_empty_obj(ref)).isEqualTo(2);
        Pointer empty = c.outObject(ref);
        long[] number = new long[1];
        assertThat(C.count_obj(empty, number)).isEqualTo(2);
        assertThat(number[0]).isZero();
        List<Pointer> images = new ArrayList<>();
        for (long side : new long[] {2, 3}) {
            C.T_gen_image_const(ref, c.tuple("byte"), c.tuple(side), c.tuple(side));
            images.add(c.outObject(ref));
        }
        assertThat(C.concat_obj(empty, images.get(0), ref)).isEqualTo(2);
        Pointer one = c.outObject(ref);
        assertThat(C.concat_obj(one, images.get(1), ref)).isEqualTo(2);
        Pointer two = c.outObject(ref);
        PointerByReference count = new PointerByReference();
        assertThat(C.T_count_obj(two, count)).isEqualTo(2);
        assertThat(CSide.read(c.out(count))).containsExactly(2L);
        assertThat(C.select_obj(two, ref, 2)).isEqualTo(2);
        Pointer second = c.outObject(ref);
        PointerByReference width = new PointerByReference();
        PointerByReference height = new PointerByReference();
        assertThat(C.T_get_image_size(second, width, height)).isEqualTo(2);
        assertThat(CSide.read(c.out(width))).containsExactly(3L);
        c.out(height);
        ref.setValue(null);
        assertThat(C.T_select_obj(two, ref, c.tuple(3L))).isEqualTo(1301);
        assertThat(ref.getValue()).isNull();
        assertThat(C.select_obj(two, ref, 0)).isEqualTo(1301);
    }

    private static Method javaMethod(String operator, int parameters) throws NoSuchMethodException {
        StringBuilder name = new StringBuilder();
        for (String part : operator.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        Class<?>[] types = new Class<?>[parameters];
        Arrays.fill(types, HTuple.class);
        return HOperatorSet.class.getMethod(name.toString(), types);
    }
}
