package dev.hprune.compat.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfFloatTest {

    @Test
    void convertsNormalSubnormalAndSpecialValues() {
        assertThat(HalfFloat.toFloat(0x3c00)).isEqualTo(1f);
        assertThat(HalfFloat.toFloat(0xc000)).isEqualTo(-2f);
        assertThat(HalfFloat.toFloat(0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloat.toFloat(0x7bff)).isEqualTo(65504f);
        assertThat(HalfFloat.toFloat(0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloat.toFloat(0x7e00)).isNaN();
    }

    @Test
    void roundsToNearestEvenAndSaturatesToInfinity() {
        assertThat(HalfFloat.fromFloat(1f + 0x1p-11f)).isEqualTo(0x3c00); // tie, even mantissa stays
        assertThat(HalfFloat.fromFloat(1f + 3 * 0x1p-11f)).isEqualTo(0x3c02); // tie, odd mantissa rounds up
        assertThat(HalfFloat.fromFloat(0x1p-24f)).isEqualTo(0x0001);
        assertThat(HalfFloat.fromFloat(0x1p-26f)).isEqualTo(0x0000);
        assertThat(HalfFloat.fromFloat(70000f)).isEqualTo(0x7c00);
        assertThat(HalfFloat.fromFloat(-0f)).isEqualTo(0x8000);
    }

    @Test
    void everyHalfValueSurvivesTheRoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = HalfFloat.toFloat(bits);
            if (!Float.isNaN(value)) {
                assertThat(HalfFloat.fromFloat(value)).as("0x%04x", bits).isEqualTo(bits);
            }
        }
    }
}
