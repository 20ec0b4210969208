/*
 * HALCON/C control tuples: a growable array of typed elements. Strings are owned copies; handle elements hold one
 * reference each on the Java side (taken through the bridge's ref callback, which exists once Java has registered;
 * before that no handle can exist).
 */
#include <stdlib.h>
#include <string.h>

#include "bridge_internal.h"

typedef struct {
    int type;
    union {
        Hlong l;
        double d;
        char *s;
    } v;
} element;

struct hprune_tuple {
    Hlong length;
    Hlong capacity;
    element *elements;
};

static void release(element *e) {
    if (e->type == STRING_PAR) {
        free(e->v.s);
    } else if (e->type == HANDLE_PAR && e->v.l != 0) {
        hp_handle_ref(e->v.l, -1);
    }
    e->type = UNDEF_PAR;
    e->v.l = 0;
}

Htuple hprune_tuple_new(Hlong length) {
    if (length < 0) {
        return NULL;
    }
    Htuple t = malloc(sizeof *t);
    if (t == NULL) {
        return NULL;
    }
    t->length = length;
    t->capacity = length;
    t->elements = length == 0 ? NULL : calloc((size_t) length, sizeof(element));
    if (length > 0 && t->elements == NULL) {
        free(t);
        return NULL;
    }
    return t; /* calloc: every element is UNDEF_PAR (0) */
}

Herror create_tuple(Htuple *tuple, Hlong length) {
    if (tuple == NULL) {
        return H_ERR_OUTPUT_CONTROL_NOT_INIT;
    }
    *tuple = hprune_tuple_new(length);
    return *tuple == NULL ? (length < 0 ? H_ERR_WIPV(2) : H_ERR_DL_INTERNAL) : H_MSG_TRUE;
}

Herror create_tuple_type(Htuple *tuple, Hlong length, int type) {
    if (type != LONG_PAR && type != DOUBLE_PAR && type != STRING_PAR && type != HANDLE_PAR && type != UNDEF_PAR &&
        type != MIXED_PAR) {
        if (tuple != NULL) {
            *tuple = NULL;
        }
        return H_ERR_WIPV(3);
    }
    Herror rc = create_tuple(tuple, length);
    if (rc != H_MSG_TRUE || type == MIXED_PAR || type == UNDEF_PAR) {
        return rc;
    }
    for (Hlong i = 0; i < length; i++) {
        (*tuple)->elements[i].type = type;
        if (type == STRING_PAR) {
            (*tuple)->elements[i].v.s = strdup("");
            if ((*tuple)->elements[i].v.s == NULL) {
                destroy_tuple(*tuple);
                *tuple = NULL;
                return H_ERR_DL_INTERNAL;
            }
        }
    }
    return H_MSG_TRUE;
}

Herror create_tuple_i(Htuple *tuple, Hlong value) {
    Herror rc = create_tuple(tuple, 1);
    return rc == H_MSG_TRUE ? set_i(*tuple, value, 0) : rc;
}

Herror create_tuple_d(Htuple *tuple, double value) {
    Herror rc = create_tuple(tuple, 1);
    return rc == H_MSG_TRUE ? set_d(*tuple, value, 0) : rc;
}

Herror create_tuple_s(Htuple *tuple, const char *value) {
    Herror rc = create_tuple(tuple, 1);
    if (rc == H_MSG_TRUE && (rc = set_s(*tuple, value, 0)) != H_MSG_TRUE) {
        destroy_tuple(*tuple);
        *tuple = NULL;
    }
    return rc;
}

Herror create_tuple_h(Htuple *tuple, Hphandle value) {
    Herror rc = create_tuple(tuple, 1);
    return rc == H_MSG_TRUE ? set_h(*tuple, value, 0) : rc;
}

Herror reuse_tuple_i(Htuple *tuple, Hlong value) {
    if (tuple != NULL) {
        destroy_tuple(*tuple);
    }
    return create_tuple_i(tuple, value);
}

Herror reuse_tuple_d(Htuple *tuple, double value) {
    if (tuple != NULL) {
        destroy_tuple(*tuple);
    }
    return create_tuple_d(tuple, value);
}

Herror reuse_tuple_s(Htuple *tuple, const char *value) {
    if (tuple != NULL) {
        destroy_tuple(*tuple);
    }
    return create_tuple_s(tuple, value);
}

static element *slot(Htuple tuple, Hlong index) {
    return tuple == NULL || index < 0 || index >= tuple->length ? NULL : &tuple->elements[index];
}

Herror set_i(Htuple tuple, Hlong value, Hlong index) {
    element *e = slot(tuple, index);
    if (e == NULL) {
        return H_ERR_TUPLE_ACCESS_INDEX;
    }
    release(e);
    e->type = LONG_PAR;
    e->v.l = value;
    return H_MSG_TRUE;
}

Herror set_d(Htuple tuple, double value, Hlong index) {
    element *e = slot(tuple, index);
    if (e == NULL) {
        return H_ERR_TUPLE_ACCESS_INDEX;
    }
    release(e);
    e->type = DOUBLE_PAR;
    e->v.d = value;
    return H_MSG_TRUE;
}

Herror set_s(Htuple tuple, const char *value, Hlong index) {
    element *e = slot(tuple, index);
    if (e == NULL) {
        return H_ERR_TUPLE_ACCESS_INDEX;
    }
    if (value == NULL) {
        return H_ERR_TUPLE_ACCESS_TYPE;
    }
    char *copy = strdup(value);
    if (copy == NULL) {
        return H_ERR_DL_INTERNAL;
    }
    release(e);
    e->type = STRING_PAR;
    e->v.s = copy;
    return H_MSG_TRUE;
}

Herror hprune_tuple_set_handle_taken(Htuple tuple, Hphandle value, Hlong index) {
    element *e = slot(tuple, index);
    if (e == NULL) {
        return H_ERR_TUPLE_ACCESS_INDEX;
    }
    release(e);
    e->type = HANDLE_PAR;
    e->v.l = value;
    return H_MSG_TRUE;
}

Herror set_h(Htuple tuple, Hphandle value, Hlong index) {
    if (slot(tuple, index) == NULL) {
        return H_ERR_TUPLE_ACCESS_INDEX;
    }
    if (value != 0) {
        hp_handle_ref(value, +1); /* before releasing the old element: setting a handle over itself keeps it */
    }
    return hprune_tuple_set_handle_taken(tuple, value, index);
}

Hlong get_i(const Htuple tuple, Hlong index) {
    element *e = slot(tuple, index);
    return e != NULL && e->type == LONG_PAR ? e->v.l : 0;
}

double get_d(const Htuple tuple, Hlong index) {
    element *e = slot(tuple, index);
    if (e == NULL) {
        return 0.0;
    }
    return e->type == DOUBLE_PAR ? e->v.d : e->type == LONG_PAR ? (double) e->v.l : 0.0;
}

const char *get_s(const Htuple tuple, Hlong index) {
    element *e = slot(tuple, index);
    return e != NULL && e->type == STRING_PAR ? e->v.s : "";
}

Hphandle get_h(const Htuple tuple, Hlong index) {
    element *e = slot(tuple, index);
    return e != NULL && e->type == HANDLE_PAR ? e->v.l : 0;
}

int get_type(const Htuple tuple, Hlong index) {
    element *e = slot(tuple, index);
    return e == NULL ? UNDEF_PAR : e->type;
}

int get_tuple_type(const Htuple tuple) {
    if (tuple == NULL || tuple->length == 0) {
        return ANY_PAR;
    }
    int type = tuple->elements[0].type;
    for (Hlong i = 1; i < tuple->length; i++) {
        if (tuple->elements[i].type != type) {
            return MIXED_PAR;
        }
    }
    return type;
}

Hlong length_tuple(const Htuple tuple) {
    return tuple == NULL ? 0 : tuple->length;
}

Herror destroy_tuple(Htuple tuple) {
    if (tuple == NULL) {
        return H_MSG_TRUE;
    }
    for (Hlong i = 0; i < tuple->length; i++) {
        release(&tuple->elements[i]);
    }
    free(tuple->elements);
    free(tuple);
    return H_MSG_TRUE;
}

Herror copy_tuple(const Htuple input, Htuple *output) {
    if (output == NULL) {
        return H_ERR_OUTPUT_CONTROL_NOT_INIT;
    }
    *output = NULL;
    if (input == NULL) {
        return H_ERR_INPUT_CONTROL_NOT_INIT;
    }
    Htuple copy = hprune_tuple_new(input->length);
    if (copy == NULL) {
        return H_ERR_DL_INTERNAL;
    }
    for (Hlong i = 0; i < input->length; i++) {
        const element *from = &input->elements[i];
        Herror rc = H_MSG_TRUE;
        switch (from->type) {
        case LONG_PAR: rc = set_i(copy, from->v.l, i); break;
        case DOUBLE_PAR: rc = set_d(copy, from->v.d, i); break;
        case STRING_PAR: rc = set_s(copy, from->v.s, i); break;
        case HANDLE_PAR: rc = set_h(copy, from->v.l, i); break;
        default: break;
        }
        if (rc != H_MSG_TRUE) {
            destroy_tuple(copy);
            return rc;
        }
    }
    *output = copy;
    return H_MSG_TRUE;
}

Herror resize_tuple(Htuple tuple, Hlong length) {
    if (tuple == NULL) {
        return H_ERR_INPUT_CONTROL_NOT_INIT;
    }
    if (length < 0) {
        return H_ERR_WIPV(2);
    }
    for (Hlong i = length; i < tuple->length; i++) {
        release(&tuple->elements[i]);
    }
    if (length > tuple->capacity) {
        element *grown = realloc(tuple->elements, (size_t) length * sizeof(element));
        if (grown == NULL) {
            return H_ERR_DL_INTERNAL;
        }
        memset(grown + tuple->capacity, 0, (size_t) (length - tuple->capacity) * sizeof(element));
        tuple->elements = grown;
        tuple->capacity = length;
    }
    tuple->length = length;
    return H_MSG_TRUE;
}
