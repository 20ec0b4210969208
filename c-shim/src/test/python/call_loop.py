#!/usr/bin/env python3
"""Calls get_dl_pruning_param through the hprune package in a loop (CProgramsTest and bench/run.sh cshim run it).

Usage: call_loop.py MODEL.onnx CALLS rss|leak|time
  rss:  prints "rss <calls done> <resident KiB>" after CALLS / 2 warm-up calls and after CALLS calls more, so that a
        caller can see whether memory grows with the calls.
  leak: as rss, but each call also leaks what a binding that forgot one destroy_tuple would: a C tuple of the
        parameter name (the test's proof that it sees such a leak).
  time: prints "python_list <ns>" and "python_s <ns>", the cost per call of get_dl_pruning_param and its _s variant,
        each over CALLS calls after as many warm-up calls.
The model gets PP-OCR's classifier image size, 192 x 48 (its graph leaves the size open).
"""
import sys
import time

import hprune as ha


def rss_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def main(model_file, calls, what):
    model = ha.read_dl_model(model_file)
    ha.set_dl_model_param(model, "image_width", 192)
    ha.set_dl_model_param(model, "image_height", 48)
    pruning = ha.create_dl_pruning(model, "oracle", ha.create_dict())
    if what in ("rss", "leak"):
        warm_up = calls // 2
        for done in range(1, warm_up + calls + 1):
            if what == "leak":
                ha._native.to_tuple("prunable_conv_layer_name")
            names = ha.get_dl_pruning_param(pruning, "prunable_conv_layer_name")
            assert names and ha.get_dl_pruning_param_s(pruning, "prunable_kernel_num") > 0
            if done in (warm_up, warm_up + calls):
                print("rss %d %d" % (done, rss_kib()), flush=True)
    else:
        for name, function in (("python_list", ha.get_dl_pruning_param), ("python_s", ha.get_dl_pruning_param_s)):
            for _ in range(calls):
                function(pruning, "prunable_kernel_num")
            start = time.perf_counter_ns()
            for _ in range(calls):
                function(pruning, "prunable_kernel_num")
            print("%s %d" % (name, (time.perf_counter_ns() - start) // calls))
    ha.clear_handle(pruning)
    ha.clear_dl_model(model)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
