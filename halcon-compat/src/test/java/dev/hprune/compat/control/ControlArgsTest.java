package dev.hprune.compat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.error.HalconError;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlArgsTest {

    private static List<Object> tuple(Object... values) {
        return Arrays.asList(values);
    }

    /** reader, tuple, position, expected value or expected error number. */
    static Stream<Arguments> cases() {
        BiFunction<List<Object>, Integer, Object> integer = ControlArgs::integer;
        BiFunction<List<Object>, Integer, Object> real = ControlArgs::real;
        BiFunction<List<Object>, Integer, Object> string = ControlArgs::string;
        BiFunction<List<Object>, Integer, Object> key = ControlArgs::key;
        return Stream.of(
                Arguments.of("integer", integer, tuple(4L), 1, 4L),
                Arguments.of("integer from real", integer, tuple(4.0), 3, 1203),
                Arguments.of("integer from string", integer, tuple("4"), 2, 1202),
                Arguments.of("integer from empty", integer, tuple(), 5, 1405),
                Arguments.of("integer from two", integer, tuple(1L, 2L), 1, 1401),
                Arguments.of("integer from null", integer, null, 4, 1404),
                Arguments.of("real", real, tuple(0.5), 1, 0.5),
                Arguments.of("real from integer", real, tuple(3L), 1, 3.0),
                Arguments.of("real from string", real, tuple("0.5"), 2, 1202),
                Arguments.of("string", string, tuple("oracle"), 2, "oracle"),
                Arguments.of("string from integer", string, tuple(1L), 2, 1202),
                Arguments.of("key string", key, tuple("k"), 2, "k"),
                Arguments.of("key integer", key, tuple(7L), 2, 7L),
                Arguments.of("key real", key, tuple(7.0), 2, 1202));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsValuesOrRaisesTheNumberForThePosition(String name, BiFunction<List<Object>, Integer, Object> reader,
            List<Object> tuple, int position, Object expected) {
        if (expected instanceof Integer code) {
            HalconError error = catchThrowableOfType(HalconError.class, () -> reader.apply(tuple, position));
            assertThat(error).as(name).isNotNull();
            assertThat(error.code()).isEqualTo(code);
        } else {
            assertThat(reader.apply(tuple, position)).isEqualTo(expected);
        }
    }
}
