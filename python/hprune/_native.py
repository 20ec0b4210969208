"""The C library and the types around it: HHandle, HObject, HError, and the conversion of Python values to and from
C tuples (HalconC.h). Every C tuple this module creates is destroyed in the call that created it, or owned by exactly
one HHandle; every object by exactly one HObject."""
import ctypes as C
import os

H_MSG_TRUE = 2
UNDEF_PAR, LONG_PAR, DOUBLE_PAR, STRING_PAR, HANDLE_PAR = 0, 1, 2, 4, 16

Htuple = C.c_void_p
Hobject = C.c_void_p
Hlong = C.c_long


def _load():
    """$HPRUNE_LIB, else libhprune_c.so where the dynamic linker finds it (LD_LIBRARY_PATH, ldconfig)."""
    path = os.environ.get("HPRUNE_LIB") or "libhprune_c.so"
    try:
        return C.CDLL(path)
    except OSError as e:
        raise ImportError("hprune needs libhprune_c.so (built by Maven in c-shim/target): set HPRUNE_LIB to its path "
                          "or put its directory on LD_LIBRARY_PATH (%s)" % e) from e


lib = _load()


def _declare(name, restype, *argtypes):
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_P = C.POINTER
create_tuple = _declare("create_tuple", C.c_int, _P(Htuple), Hlong)
create_tuple_i = _declare("create_tuple_i", C.c_int, _P(Htuple), Hlong)
create_tuple_d = _declare("create_tuple_d", C.c_int, _P(Htuple), C.c_double)
create_tuple_s = _declare("create_tuple_s", C.c_int, _P(Htuple), C.c_char_p)
create_tuple_h = _declare("create_tuple_h", C.c_int, _P(Htuple), Hlong)
set_i = _declare("set_i", C.c_int, Htuple, Hlong, Hlong)
set_d = _declare("set_d", C.c_int, Htuple, C.c_double, Hlong)
set_s = _declare("set_s", C.c_int, Htuple, C.c_char_p, Hlong)
set_h = _declare("set_h", C.c_int, Htuple, Hlong, Hlong)
get_i = _declare("get_i", Hlong, Htuple, Hlong)
get_d = _declare("get_d", C.c_double, Htuple, Hlong)
get_s = _declare("get_s", C.c_char_p, Htuple, Hlong)
get_h = _declare("get_h", Hlong, Htuple, Hlong)
get_type = _declare("get_type", C.c_int, Htuple, Hlong)
length_tuple = _declare("length_tuple", Hlong, Htuple)
destroy_tuple = _declare("destroy_tuple", C.c_int, Htuple)
clear_obj = _declare("clear_obj", C.c_int, Hobject)
count_obj = _declare("count_obj", C.c_int, Hobject, _P(Hlong))
last_error_text = _declare("hprune_last_error_text", C.c_char_p)
operator_signatures = _declare("hprune_operator_signatures", C.c_char_p)


class HError(Exception):
    """A HALCON error: error_code is HALCON's number (2454 for a cleared handle, ...); message the library's full text
    ("HALCON error #2454: Handle was cleared in operator ...")."""

    def __init__(self, error_code, message):
        super().__init__(message)
        self.error_code = error_code
        self.message = message


class HOperatorError(HError):
    """An operator that failed; operator_name is HALCON's name of it."""

    def __init__(self, error_code, operator_name, message):
        super().__init__(error_code, message)
        self.operator_name = operator_name


class HTupleConversionError(ValueError):
    """An _s operator whose output does not hold exactly one value."""


def check(rc, operator_name):
    if rc != H_MSG_TRUE:
        raise HOperatorError(rc, operator_name, last_error_text().decode("utf-8", "replace"))


class HHandle:
    """A handle (dict, model, pruning, ...): holds one reference to it while this object lives. clear_handle releases
    the resource itself; using it afterwards raises HError 2454."""

    __slots__ = ("_tuple",)

    def __init__(self, handle_id):
        t = Htuple()
        check(create_tuple_h(C.byref(t), handle_id), "HHandle")
        self._tuple = t

    @property
    def id(self):
        """The handle's number, as a C program sees it in a HANDLE_PAR element."""
        return get_h(self._tuple, 0)

    def __eq__(self, other):
        return isinstance(other, HHandle) and other.id == self.id

    def __hash__(self):
        return hash(self.id)

    def __repr__(self):
        return "HHandle(%d)" % self.id

    def __del__(self):
        t, self._tuple = getattr(self, "_tuple", None), None
        if t is not None and destroy_tuple is not None:
            destroy_tuple(t)


class HObject:
    """An iconic object (a tuple of images) an operator created; released when this object goes."""

    __slots__ = ("_key",)

    def __init__(self, key):
        self._key = key

    def count_obj(self):
        n = Hlong()
        check(count_obj(self._key, C.byref(n)), "count_obj")
        return n.value

    def __repr__(self):
        return "HObject(%d objects)" % self.count_obj()

    def __del__(self):
        key, self._key = getattr(self, "_key", None), None
        if key and clear_obj is not None:
            clear_obj(key)


def to_tuple(value):
    """A Python control value (int, float, str, HHandle, or a sequence of them) as (C tuple, created here)."""
    if isinstance(value, HHandle):
        return value._tuple, False  # passed as is: operators only read their inputs
    t = Htuple()
    if isinstance(value, (list, tuple)):
        check(create_tuple(C.byref(t), len(value)), "create_tuple")
        for i, v in enumerate(value):
            _set(t, v, i)
        return t, True
    if isinstance(value, bool) or isinstance(value, int):
        rc = create_tuple_i(C.byref(t), int(value))
    elif isinstance(value, float):
        rc = create_tuple_d(C.byref(t), value)
    elif isinstance(value, str):
        rc = create_tuple_s(C.byref(t), value.encode("utf-8"))
    else:
        raise TypeError("a control value is int, float, str, HHandle or a sequence of them, not %s"
                        % type(value).__name__)
    check(rc, "create_tuple")
    return t, True


def _set(t, v, i):
    if isinstance(v, HHandle):
        rc = set_h(t, v.id, i)
    elif isinstance(v, (bool, int)):
        rc = set_i(t, int(v), i)
    elif isinstance(v, float):
        rc = set_d(t, v, i)
    elif isinstance(v, str):
        rc = set_s(t, v.encode("utf-8"), i)
    else:
        destroy_tuple(t)
        raise TypeError("a tuple element is int, float, str or HHandle, not %s" % type(v).__name__)
    check(rc, "set")


def from_tuple(t):
    """The elements of a C tuple as a list: int, float, str, HHandle."""
    out = []
    for i in range(length_tuple(t)):
        kind = get_type(t, i)
        if kind == LONG_PAR:
            out.append(get_i(t, i))
        elif kind == DOUBLE_PAR:
            out.append(get_d(t, i))
        elif kind == STRING_PAR:
            out.append(get_s(t, i).decode("utf-8"))
        elif kind == HANDLE_PAR:
            out.append(HHandle(get_h(t, i)))
        else:
            out.append(None)
    return out
