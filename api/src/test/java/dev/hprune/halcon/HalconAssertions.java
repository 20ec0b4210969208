package dev.hprune.halcon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with a given HALCON error number in a given operator. */
final class HalconAssertions {
    private HalconAssertions() {}

    static void assertHalconError(ThrowingCallable call, int errorCode, String operator) {
        assertThatThrownBy(call)
                .isInstanceOf(HOperatorException.class)
                .hasMessageContaining("#" + errorCode)
                .satisfies(e -> {
                    HalconException h = (HalconException) e;
                    org.assertj.core.api.Assertions.assertThat(h.getErrorCode()).isEqualTo(errorCode);
                    org.assertj.core.api.Assertions.assertThat(h.getProcName()).isEqualTo(operator);
                });
    }
}
