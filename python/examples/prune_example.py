#!/usr/bin/env python3
"""c-shim/examples/prune_example.c in HALCON's Python style (the hprune package): the same workflow, the same lines.

    tuples and dicts, images from pixel buffers (gen_image3), DLSample dicts with labels 0/1, read an ONNX classifier,
    set its image size, create a pruning handle, add batches, generate the pruned model, print every
    get_dl_pruning_param value, write the pruned model.

Usage: prune_example.py [MODEL.onnx [PRUNED.onnx]]
  Without a model only the tuple, dict and image part runs. Needs the hprune package (pip install ./python, or
  PYTHONPATH=python) and the library ($HPRUNE_LIB).
"""
import ctypes
import sys

import hprune as ha

WIDTH, HEIGHT, SAMPLES, BATCH = 192, 48, 8, 4
PRUNING_PARAMS = ["mode", "percentage", "prunable_conv_num", "prunable_conv_layer_name", "prunable_kernel_num",
                  "pruned_kernel_num", "pruned_percentage"]
TYPE_CODES = {int: 1, float: 2, str: 4, ha.HHandle: 16}


def print_tuple(label, values):
    """As prune_example.c prints a tuple; handles as <handle> (their numbers differ between runs)."""
    def text(v):
        if isinstance(v, ha.HHandle):
            return "<handle>"
        if isinstance(v, float):
            return "%.4f" % v
        if isinstance(v, str):
            return "'%s'" % v
        return "%d" % v
    print("%s = [%s]" % (label, ", ".join(text(v) for v in values)))


def sample_image(label, index):
    """The synthetic sample of prune_example.c: a bright bar on top (label 0) or at the bottom (label 1)."""
    planes = []
    for c in range(3):
        plane = (ctypes.c_float * (WIDTH * HEIGHT))()
        for y in range(HEIGHT):
            bar = y < HEIGHT // 3 if label == 0 else y >= 2 * HEIGHT // 3
            for x in range(WIDTH):
                grey = 200 + (x * 7 + index * 13 + c * 5) % 56 if bar else 30 + (x + y + index) % 20
                plane[y * WIDTH + x] = (grey / 255.0 - 0.5) / 0.5
        planes.append(plane)
    # gen_image3 copies the pixels; the pointers go in as integers, as in HALCON
    return ha.gen_image3("real", WIDTH, HEIGHT, *[ctypes.addressof(p) for p in planes])


def dicts_and_images():
    """Part 1: tuples, dicts, images; returns SAMPLES DLSample dict handles."""
    mixed = [42, 0.5, "oracle"]
    print_tuple("tuple", mixed)
    types = [TYPE_CODES[type(v)] for v in mixed]
    print("tuple types = %d %d %d, tuple_type = %d" % (*types, 8 if len(set(types)) > 1 else types[0]))

    dict_handle = ha.create_dict()
    ha.set_dict_tuple(dict_handle, "mixed", mixed)
    print_tuple("get_dict_tuple", ha.get_dict_tuple(dict_handle, "mixed"))
    print_tuple("dict keys", ha.get_dict_param(dict_handle, "keys", []))
    nothing = None
    try:
        nothing = ha.get_dict_tuple(dict_handle, "missing")
    except ha.HError as e:
        print("get_dict_tuple('missing') = %d (tuple %s)" % (e.error_code, "NULL" if nothing is None else "set"))
        print("error text = %s" % ha.get_error_text_s(e.error_code))

    image = sample_image(0, 0)
    width, height = ha.get_image_size_s(image)
    print("image = %d x %d, %d channels" % (width, height, ha.count_channels_s(image)))
    red, green, blue = ha.decompose3(image)
    half = ha.zoom_image_size(red, WIDTH // 2, HEIGHT // 2, "constant")
    print("zoomed red channel = %d x %d" % ha.get_image_size_s(half))

    cleared = ha.create_dict()
    ha.clear_handle(cleared)
    try:
        ha.set_dict_tuple(cleared, "mixed", mixed)
    except ha.HError as e:
        print("set_dict_tuple on a cleared dict = %d" % e.error_code)

    samples = []
    for n in range(SAMPLES):
        sample = ha.create_dict()
        ha.set_dict_object(sample_image(n % 2, n), sample, "image")  # the dict stores its own copy
        ha.set_dict_tuple(sample, "image_label_id", n % 2)
        ha.set_dict_tuple(sample, "image_id", n)
        samples.append(sample)
    print_tuple("label of sample 1", ha.get_dict_tuple(samples[1], "image_label_id"))
    print("samples = %d dict handles" % len(samples))
    ha.clear_handle(dict_handle)
    return samples


def prune(model_file, pruned_file, samples):
    """Part 2: the model workflow."""
    model = ha.read_dl_model(model_file)
    ha.set_dl_model_param(model, "image_width", WIDTH)
    ha.set_dl_model_param(model, "image_height", HEIGHT)
    ha.set_dl_model_param(model, "batch_size", BATCH)

    gen_param = ha.create_dict()
    pruning = ha.create_dl_pruning(model, "oracle", gen_param)
    ha.set_dl_pruning_param(pruning, "percentage", 25)
    for start in range(0, SAMPLES, BATCH):
        ha.add_dl_pruning_batch(model, pruning, samples[start:start + BATCH])
    pruned = ha.gen_dl_pruned_model(model, pruning)

    for name in PRUNING_PARAMS:
        print_tuple(name, ha.get_dl_pruning_param(pruning, name))
    ha.write_dl_model(pruned, pruned_file)
    print("wrote %s" % pruned_file)

    ha.clear_dl_model(pruned)
    ha.clear_handle(pruning)
    ha.clear_dl_model(model)
    ha.clear_handle(gen_param)


def main(argv):
    try:
        samples = dicts_and_images()
        if len(argv) > 1:
            prune(argv[1], argv[2] if len(argv) > 2 else "pruned.onnx", samples)
    except ha.HOperatorError as e:
        sys.stderr.write("FAILED %s: %d %s\n" % (e.operator_name, e.error_code, e.message))
        return 1
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
