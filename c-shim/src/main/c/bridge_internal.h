/* Shared between the library's C files; not installed. */
#ifndef HPRUNE_BRIDGE_INTERNAL_H
#define HPRUNE_BRIDGE_INTERNAL_H

#include "HalconC.h"
#include "hprune_bridge.h"

/* Forwards a handle reference change to Java, if Java has registered (before that no handle exists). */
void hp_handle_ref(Hlong handle_id, int delta);

/* Runs operator `op` through the Java side; outputs are NULL unless it succeeds. */
Herror hp_call(int op, const Hobject *obj_in, Hobject **obj_out, const Htuple *ctrl_in, Htuple **ctrl_out);

/* Records the error of a failed call for hprune_last_error_text on this thread. */
void hp_set_error(Herror code, const char *text);

#endif
