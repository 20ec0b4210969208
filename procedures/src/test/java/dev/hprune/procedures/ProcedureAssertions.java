package dev.hprune.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.halcon.HalconException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a procedure fails with a given HALCON error number, naming itself as the failing operator. */
final class ProcedureAssertions {
    private ProcedureAssertions() {}

    static void assertProcedureError(ThrowingCallable call, int errorCode, String procedure) {
        assertThatThrownBy(call)
                .isInstanceOf(HalconException.class)
                .hasMessageContaining("#" + errorCode)
                .satisfies(e -> {
                    HalconException h = (HalconException) e;
                    assertThat(h.getErrorCode()).isEqualTo(errorCode);
                    assertThat(h.getProcName()).isEqualTo(procedure);
                });
    }
}
