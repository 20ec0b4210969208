#!/usr/bin/env python3
"""The pruning workflow of prune_example.c through libhprune_c with ctypes; prints the same lines.

Usage: prune_example.py [MODEL.onnx [PRUNED.onnx]]
The library is found in $HPRUNE_LIB, else in ../target/ next to this file (where Maven builds it).
"""
import ctypes as C
import os
import sys

WIDTH, HEIGHT, SAMPLES, BATCH = 192, 48, 8, 4
H_MSG_TRUE = 2
LONG_PAR, DOUBLE_PAR, STRING_PAR, HANDLE_PAR = 1, 2, 4, 16

here = os.path.dirname(os.path.abspath(__file__))
lib = C.CDLL(os.environ.get("HPRUNE_LIB") or os.path.join(here, "..", "target", "libhprune_c.so"))

Htuple = C.c_void_p
Hobject = C.c_void_p
Hlong = C.c_long


def declare(name, restype, *argtypes):
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


P = C.POINTER
declare("create_tuple", C.c_int, P(Htuple), Hlong)
declare("create_tuple_i", C.c_int, P(Htuple), Hlong)
declare("create_tuple_s", C.c_int, P(Htuple), C.c_char_p)
declare("create_tuple_h", C.c_int, P(Htuple), Hlong)
declare("set_i", C.c_int, Htuple, Hlong, Hlong)
declare("set_d", C.c_int, Htuple, C.c_double, Hlong)
declare("set_s", C.c_int, Htuple, C.c_char_p, Hlong)
declare("set_h", C.c_int, Htuple, Hlong, Hlong)
declare("get_i", Hlong, Htuple, Hlong)
declare("get_d", C.c_double, Htuple, Hlong)
declare("get_s", C.c_char_p, Htuple, Hlong)
declare("get_h", Hlong, Htuple, Hlong)
declare("get_type", C.c_int, Htuple, Hlong)
declare("get_tuple_type", C.c_int, Htuple)
declare("length_tuple", Hlong, Htuple)
declare("destroy_tuple", C.c_int, Htuple)
declare("clear_obj", C.c_int, Hobject)
declare("hprune_last_error_text", C.c_char_p)
declare("get_error_text", C.c_int, Hlong, C.c_char_p)
for name, n_in, n_out in [("T_create_dict", 0, 1), ("T_set_dict_tuple", 3, 0), ("T_get_dict_tuple", 2, 1),
                          ("T_get_dict_param", 3, 1), ("T_clear_handle", 1, 0), ("T_read_dl_model", 1, 1),
                          ("T_write_dl_model", 2, 0), ("T_set_dl_model_param", 3, 0), ("T_clear_dl_model", 1, 0),
                          ("T_create_dl_pruning", 3, 1), ("T_set_dl_pruning_param", 3, 0),
                          ("T_get_dl_pruning_param", 2, 1), ("T_add_dl_pruning_batch", 3, 0),
                          ("T_gen_dl_pruned_model", 2, 1)]:
    declare(name, C.c_int, *([Htuple] * n_in + [P(Htuple)] * n_out))
declare("T_set_dict_object", C.c_int, Hobject, Htuple, Htuple)
declare("T_gen_image3", C.c_int, P(Hobject), Htuple, Htuple, Htuple, Htuple, Htuple, Htuple)
declare("T_get_image_size", C.c_int, Hobject, P(Htuple), P(Htuple))
declare("T_count_channels", C.c_int, Hobject, P(Htuple))
declare("T_decompose3", C.c_int, Hobject, P(Hobject), P(Hobject), P(Hobject))
declare("T_zoom_image_size", C.c_int, Hobject, P(Hobject), Htuple, Htuple, Htuple)


def check(rc, what):
    if rc != H_MSG_TRUE:
        sys.stderr.write("FAILED %s: %d %s\n" % (what, rc, lib.hprune_last_error_text().decode()))
        sys.exit(1)


def call(name, *args):
    check(getattr(lib, name)(*args), name)


def s(value):
    t = Htuple()
    call("create_tuple_s", C.byref(t), value.encode())
    return t


def i(value):
    t = Htuple()
    call("create_tuple_i", C.byref(t), value)
    return t


def out_tuple():
    return Htuple()


def destroy(*tuples):
    for t in tuples:
        lib.destroy_tuple(t)


def print_tuple(label, t):
    parts = []
    for k in range(lib.length_tuple(t)):
        kind = lib.get_type(t, k)
        if kind == LONG_PAR:
            parts.append("%d" % lib.get_i(t, k))
        elif kind == DOUBLE_PAR:
            parts.append("%.4f" % lib.get_d(t, k))
        elif kind == STRING_PAR:
            parts.append("'%s'" % lib.get_s(t, k).decode())
        elif kind == HANDLE_PAR:
            parts.append("<handle>")
        else:
            parts.append("?")
    print("%s = [%s]" % (label, ", ".join(parts)))


def set_dict(d, key, value):
    call("T_set_dict_tuple", d, key, value)
    destroy(key, value)


def sample_image(label, index):
    """The same synthetic image as prune_example.c: a bright bar on top (label 0) or at the bottom (label 1)."""
    planes = []
    for c in range(3):
        plane = (C.c_float * (WIDTH * HEIGHT))()
        for y in range(HEIGHT):
            bar = y < HEIGHT // 3 if label == 0 else y >= 2 * HEIGHT // 3
            for x in range(WIDTH):
                grey = 200 + (x * 7 + index * 13 + c * 5) % 56 if bar else 30 + (x + y + index) % 20
                plane[y * WIDTH + x] = (grey / 255.0 - 0.5) / 0.5
        planes.append(plane)
    args = [s("real"), i(WIDTH), i(HEIGHT)] + [i(C.addressof(p)) for p in planes]
    image = Hobject()
    call("T_gen_image3", C.byref(image), *args)  # copies the pixels
    destroy(*args)
    return image


def dicts_and_images():
    mixed = Htuple()
    call("create_tuple", C.byref(mixed), 3)
    call("set_i", mixed, 42, 0)
    call("set_d", mixed, 0.5, 1)
    call("set_s", mixed, b"oracle", 2)
    print_tuple("tuple", mixed)
    print("tuple types = %d %d %d, tuple_type = %d" % (lib.get_type(mixed, 0), lib.get_type(mixed, 1),
                                                      lib.get_type(mixed, 2), lib.get_tuple_type(mixed)))
    d = out_tuple()
    call("T_create_dict", C.byref(d))
    key = s("mixed")
    call("T_set_dict_tuple", d, key, mixed)
    back = out_tuple()
    call("T_get_dict_tuple", d, key, C.byref(back))
    print_tuple("get_dict_tuple", back)
    keys_name, no_key, keys = s("keys"), Htuple(), out_tuple()
    call("create_tuple", C.byref(no_key), 0)
    call("T_get_dict_param", d, keys_name, no_key, C.byref(keys))
    print_tuple("dict keys", keys)

    missing, nothing = s("missing"), out_tuple()
    rc = lib.T_get_dict_tuple(d, missing, C.byref(nothing))
    print("get_dict_tuple('missing') = %d (tuple %s)" % (rc, "NULL" if nothing.value is None else "set"))
    text = C.create_string_buffer(1024)
    check(lib.get_error_text(rc, text), "get_error_text")
    print("error text = %s" % text.value.decode())

    image = sample_image(0, 0)
    width, height, channels = out_tuple(), out_tuple(), out_tuple()
    call("T_get_image_size", image, C.byref(width), C.byref(height))
    call("T_count_channels", image, C.byref(channels))
    print("image = %d x %d, %d channels" % (lib.get_i(width, 0), lib.get_i(height, 0), lib.get_i(channels, 0)))
    r, g, b, half = Hobject(), Hobject(), Hobject(), Hobject()
    call("T_decompose3", image, C.byref(r), C.byref(g), C.byref(b))
    half_w, half_h, interpolation = i(WIDTH // 2), i(HEIGHT // 2), s("constant")
    call("T_zoom_image_size", r, C.byref(half), half_w, half_h, interpolation)
    zw, zh = out_tuple(), out_tuple()
    call("T_get_image_size", half, C.byref(zw), C.byref(zh))
    print("zoomed red channel = %d x %d" % (lib.get_i(zw, 0), lib.get_i(zh, 0)))

    cleared = out_tuple()
    call("T_create_dict", C.byref(cleared))
    call("T_clear_handle", cleared)
    print("set_dict_tuple on a cleared dict = %d" % lib.T_set_dict_tuple(cleared, key, mixed))

    samples = Htuple()
    call("create_tuple", C.byref(samples), SAMPLES)
    for n in range(SAMPLES):
        sample = out_tuple()
        call("T_create_dict", C.byref(sample))
        img = sample_image(n % 2, n)
        image_key = s("image")
        call("T_set_dict_object", img, sample, image_key)
        destroy(image_key)
        lib.clear_obj(img)
        set_dict(sample, s("image_label_id"), i(n % 2))
        set_dict(sample, s("image_id"), i(n))
        call("set_h", samples, lib.get_h(sample, 0), n)
        destroy(sample)
    label_key, first, label = s("image_label_id"), Htuple(), out_tuple()
    call("create_tuple_h", C.byref(first), lib.get_h(samples, 1))
    call("T_get_dict_tuple", first, label_key, C.byref(label))
    print_tuple("label of sample 1", label)
    print("samples = %d dict handles" % lib.length_tuple(samples))

    destroy(first, label, label_key, zw, zh, half_w, half_h, interpolation, width, height, channels, cleared,
            missing, nothing, keys, keys_name, no_key, back, key, mixed)
    for obj in (r, g, b, half, image):
        lib.clear_obj(obj)
    call("T_clear_handle", d)
    destroy(d)
    return samples


PRUNING_PARAMS = ["mode", "percentage", "prunable_conv_num", "prunable_conv_layer_name", "prunable_kernel_num",
                  "pruned_kernel_num", "pruned_percentage"]


def prune(model_file, pruned_file, samples):
    f, model = s(model_file), out_tuple()
    rc = lib.T_read_dl_model(f, C.byref(model))
    destroy(f)
    if rc != H_MSG_TRUE:
        sys.stderr.write("FAILED read_dl_model(%s): %d %s\n" % (model_file, rc, lib.hprune_last_error_text().decode()))
        return 1
    for name, value in [("image_width", WIDTH), ("image_height", HEIGHT), ("batch_size", BATCH)]:
        set_args = (s(name), i(value))
        call("T_set_dl_model_param", model, *set_args)
        destroy(*set_args)
    gen_param, mode, pruning = out_tuple(), s("oracle"), out_tuple()
    call("T_create_dict", C.byref(gen_param))
    call("T_create_dl_pruning", model, mode, gen_param, C.byref(pruning))
    name, value = s("percentage"), i(25)
    call("T_set_dl_pruning_param", pruning, name, value)
    destroy(name, value)
    for start in range(0, SAMPLES, BATCH):
        batch = Htuple()
        call("create_tuple", C.byref(batch), BATCH)
        for n in range(BATCH):
            call("set_h", batch, lib.get_h(samples, start + n), n)
        call("T_add_dl_pruning_batch", model, pruning, batch)
        destroy(batch)
    pruned = out_tuple()
    call("T_gen_dl_pruned_model", model, pruning, C.byref(pruned))
    for p in PRUNING_PARAMS:
        param, got = s(p), out_tuple()
        call("T_get_dl_pruning_param", pruning, param, C.byref(got))
        print_tuple(p, got)
        destroy(param, got)
    out = s(pruned_file)
    call("T_write_dl_model", pruned, out)
    print("wrote %s" % pruned_file)
    call("T_clear_dl_model", pruned)
    call("T_clear_handle", pruning)
    call("T_clear_dl_model", model)
    call("T_clear_handle", gen_param)
    destroy(out, pruned, pruning, mode, gen_param, model)
    return 0


def main(argv):
    samples = dicts_and_images()
    status = 0
    if len(argv) > 1:
        status = prune(argv[1], argv[2] if len(argv) > 2 else "pruned.onnx", samples)
    destroy(samples)
    print("done")
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
