package dev.hprune.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.halcon.HalconException;
import java.util.Set;

/** Oracles shared by the fuzz targets. */
final class FuzzChecks {
    private FuzzChecks() {}

    /**
     * Java exceptions that only a defect throws; a HALCON error wrapping one hides a bug. (ArithmeticException is not
     * among them: Math.multiplyExact overflowing is how sizes are checked.)
     */
    private static final Set<Class<? extends Throwable>> DEFECTS = Set.of(NullPointerException.class,
            IndexOutOfBoundsException.class, ArrayIndexOutOfBoundsException.class,
            StringIndexOutOfBoundsException.class, ClassCastException.class,
            NegativeArraySizeException.class, IllegalStateException.class, UnsupportedOperationException.class,
            java.util.NoSuchElementException.class, java.util.ConcurrentModificationException.class);

    static void assertNoHiddenDefect(Throwable error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(DEFECTS).as("cause of %s", error).doesNotContain(cause.getClass());
        }
    }

    /** An operator failure is a HALCON error and never 7779, HALCON's "internal error" that hprune uses for defects. */
    static void assertHalconFailure(HalconException e) {
        assertThat(e.getErrorCode()).as("%s", e).isNotEqualTo(ErrorCodes.DL_INTERNAL);
        assertNoHiddenDefect(e);
    }

    static void assertHalconFailure(HalconError e) {
        assertThat(e.code()).as("%s", e).isNotEqualTo(ErrorCodes.DL_INTERNAL);
        assertNoHiddenDefect(e);
    }
}
