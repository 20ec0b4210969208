package dev.hprune.compat.dictfile;

import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The dicts from the root down to the one being walked: a dict that holds itself, directly or further down, is a
 * reference cycle, which neither a file nor a deep copy can represent (2456). The same dict reached twice on different
 * paths is no cycle; it is written (or copied) twice.
 */
final class DictPath {
    private final Set<Dict> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

    void enter(Dict dict) {
        if (!onPath.add(dict)) {
            throw HalconError.of(ErrorCodes.HANDLE_CYCLES, "a dict contains itself");
        }
    }

    void leave(Dict dict) {
        onPath.remove(dict);
    }
}
