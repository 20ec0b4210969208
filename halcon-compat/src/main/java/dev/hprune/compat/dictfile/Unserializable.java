package dev.hprune.compat.dictfile;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.List;

/**
 * HALCON's 'raise_error_if_content_not_serializable' of write_dict and copy_dict: what happens to content the target
 * cannot hold (a handle type that does not serialise, a cleared handle, an image in JSON). 'true' (the default) raises
 * 2455; 'false' and 'low_level' store an empty (NULL) handle in its place, or drop the entry where the format has no empty
 * handle (JSON). 'low_level' differs from 'false' in HALCON only by also reporting low-level errors, which hprune has not.
 */
enum Unserializable {
    RAISE, REPLACE;

    static final String PARAM = "raise_error_if_content_not_serializable";

    static Unserializable of(List<Object> value, int position) {
        String v = ControlArgs.string(value, position);
        return switch (v) {
            case "true" -> RAISE;
            case "false", "low_level" -> REPLACE;
            default -> throw ControlArgs.wrongValue(position,
                    PARAM + " must be 'true', 'false' or 'low_level', got '" + v + "'");
        };
    }

    /** Raises 2455 under 'true'; otherwise returns, and the caller replaces or drops the content. */
    void refuse(String what) {
        if (this == RAISE) {
            throw HalconError.of(ErrorCodes.HANDLE_NOT_SERIALIZABLE, what + " cannot be stored; "
                    + PARAM + " 'false' replaces it by an empty handle");
        }
    }
}
