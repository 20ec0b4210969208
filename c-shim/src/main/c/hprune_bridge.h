/*
 * The library's side of the bridge to Java (dev.hprune.cshim.NativeBridge). Not for applications: HalconC.h is the
 * public interface. Java registers two callbacks; C calls them for every operator and for handle references.
 */
#ifndef HPRUNE_BRIDGE_H
#define HPRUNE_BRIDGE_H

#include "HalconC.h"

/*
 * Runs operator `op` (an index into the table hprune_op_name/hprune_op_arity describe). The arrays hold the operator's
 * iconic inputs, the addresses of its iconic outputs, its control inputs and the addresses of its control outputs, in
 * HALCON's order; an array of length 0 is NULL. Outputs are written only on success. On failure the callback returns
 * HALCON's error number and writes a NUL-terminated UTF-8 text of at most err_size bytes into err.
 */
typedef int (*hprune_dispatch_fn)(int op, const Hobject *obj_in, Hobject **obj_out, const Htuple *ctrl_in,
                                  Htuple **ctrl_out, char *err, int err_size);

/* Adds `delta` references to the handle with this number (a tuple element took or dropped it). */
typedef void (*hprune_ref_fn)(Hlong handle_id, int delta);

/* Called by Java once; returns H_MSG_TRUE. */
int hprune_register(hprune_dispatch_fn dispatch, hprune_ref_fn ref);

/* The operator table, so that Java maps its operators by name rather than by position. */
int hprune_op_count(void);
const char *hprune_op_name(int op);
/* which: 0 iconic inputs, 1 iconic outputs, 2 control inputs, 3 control outputs. */
int hprune_op_arity(int op, int which);

/* For Java filling output tuples: a new tuple of `length` UNDEF_PAR elements, and a handle element whose reference
 * the caller has already taken (no ref callback). */
Htuple hprune_tuple_new(Hlong length);
Herror hprune_tuple_set_handle_taken(Htuple tuple, Hphandle value, Hlong index);

#endif
