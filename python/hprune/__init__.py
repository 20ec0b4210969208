"""hprune's subset of HALCON's Python interface, over libhprune_c.so with ctypes (standard library only).

    import hprune as ha
    model = ha.read_dl_model("classifier.onnx")
    pruning = ha.create_dl_pruning(model, "oracle", ha.create_dict())
    ha.get_dl_pruning_param(pruning, "prunable_kernel_num")    # -> [123]
    ha.get_dl_pruning_param_s(pruning, "prunable_kernel_num")  # -> 123

HALCON's conventions: one snake_case function per operator, taking the iconic and control inputs in HALCON's order
(a control input is a value or a sequence of values) and returning the outputs, iconic before control (nothing, one
value, or a tuple of them); a control output is a list. Operators with control outputs have an _s variant that returns
each control output's single value; a handle output is always one HHandle, as in HALCON. Handles are HHandle, iconic objects HObject; a failed operator raises
HOperatorError (an HError) with HALCON's error number.

The functions are made at import time from the operator list compiled into the library (generated from HalconC.h), so
every operator the C interface offers is here. The library is $HPRUNE_LIB or libhprune_c.so on the linker's path; it
starts its JVM on the first call (HPRUNE_CLASSPATH, HPRUNE_JVM_OPTS: see HalconC.h).
"""
import ctypes as _C
import keyword as _keyword
import re as _re

from . import _native
from ._native import HError, HHandle, HObject, HOperatorError, HTupleConversionError

__all__ = ["HError", "HHandle", "HObject", "HOperatorError", "HTupleConversionError"]


class _Operator:
    """One operator of the library's list: its C function and parameter kinds (o, O, t, T as in HalconC.h)."""

    __slots__ = ("name", "function", "kinds", "params", "single_outputs")

    def __init__(self, line):
        words = line.split()
        symbol = words[0]
        self.name = symbol[2:] if symbol.startswith("T_") else symbol
        self.kinds = [w.split(":", 1)[0] for w in words[1:]]
        self.params = [w.split(":", 1)[1] for w in words[1:]]
        # As in HALCON's Python signatures, a handle output (DictHandle, DLModelHandlePruned, ...) is one HHandle,
        # other control outputs are lists.
        self.single_outputs = [k == "T" and "Handle" in p for k, p in zip(self.kinds, self.params) if k in "T"]
        self.function = getattr(_native.lib, symbol)
        self.function.restype = _C.c_int
        self.function.argtypes = [{"o": _native.Hobject, "t": _native.Htuple, "O": _C.POINTER(_native.Hobject),
                                   "T": _C.POINTER(_native.Htuple)}[k] for k in self.kinds]

    def __call__(self, args, single):
        arguments, created, objects, tuples = [], [], [], []
        inputs = iter(args)
        try:
            for kind in self.kinds:
                if kind == "o":
                    value = next(inputs)
                    if not isinstance(value, HObject):
                        raise TypeError("%s: an iconic input is an HObject, not %s" % (self.name, type(value).__name__))
                    arguments.append(value._key)
                elif kind == "t":
                    t, new = _native.to_tuple(next(inputs))
                    if new:
                        created.append(t)
                    arguments.append(t)
                elif kind == "O":
                    objects.append(_native.Hobject())
                    arguments.append(_C.byref(objects[-1]))
                else:
                    tuples.append(_native.Htuple())
                    arguments.append(_C.byref(tuples[-1]))
            _native.check(self.function(*arguments), self.name)
            outputs = [HObject(o.value) for o in objects]
            for t, single_output in zip(tuples, self.single_outputs):
                values = _native.from_tuple(t)
                if single or single_output:
                    if len(values) != 1:
                        raise HTupleConversionError("%s_s: an output holds %d values, not one"
                                                    % (self.name, len(values)))
                    values = values[0]
                outputs.append(values)
        finally:
            for t in created:
                _native.destroy_tuple(t)
            for t in tuples:
                _native.destroy_tuple(t)
        if not outputs:
            return None
        return outputs[0] if len(outputs) == 1 else tuple(outputs)


def _snake(name):
    """HALCON's Python parameter names: DLPruningHandle becomes dlpruning_handle, GenParamName gen_param_name."""
    return _re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _define(op, single):
    """A function with the operator's input parameters as its own (so help() and keyword arguments work)."""
    inputs = [_snake(p) for p, k in zip(op.params, op.kinds) if k in "ot"]
    inputs = [p + "_" if _keyword.iskeyword(p) else p for p in inputs]  # a parameter named like a Python keyword
    name = op.name + ("_s" if single else "")
    source = "def %s(%s):\n    return _op((%s), %s)\n" % (name, ", ".join(inputs),
                                                          "".join(p + ", " for p in inputs), single)
    scope = {"_op": op}
    exec(source, scope)
    function = scope[name]
    outputs = [_snake(p) for p, k in zip(op.params, op.kinds) if k in "OT"]
    function.__doc__ = "HALCON's %s: returns %s%s." % (op.name, ", ".join(outputs) or "nothing",
                                                       " (each a single value)" if single else "")
    function.__module__ = __name__
    return function


def _operators():
    for line in _native.operator_signatures().decode("ascii").splitlines():
        if line.strip():
            op = _Operator(line)
            globals()[op.name] = _define(op, False)
            __all__.append(op.name)
            if "T" in op.kinds:
                globals()[op.name + "_s"] = _define(op, True)
                __all__.append(op.name + "_s")


_operators()
