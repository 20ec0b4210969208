/*
 * Per-call cost of get_dl_pruning_param from C++ (bench/run.sh cshim runs it; not a test): HALCON's global function
 * GetDlPruningParam, the member HDlPrune::GetDlPruningParam, and the plain C call T_get_dl_pruning_param plus
 * destroy_tuple, each timed over CALLS calls after as many warm-up calls.
 *
 * Usage: call_bench_cpp MODEL.onnx [CALLS]   prints one line per call: "<name> <ns per call>"
 * The model gets PP-OCR's classifier image size, 192 x 48 (its graph leaves the size open).
 */
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "HalconCpp.h"

using namespace HalconCpp;

template <typename F>
static long NsPerCall(long calls, F call) {
    for (long i = 0; i < calls; i++) { // warm-up: the JIT compiles the Java side
        call();
    }
    auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < calls; i++) {
        call();
    }
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start);
    return static_cast<long>(ns.count() / calls);
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: call_bench_cpp MODEL.onnx [CALLS]\n");
        return 2;
    }
    long calls = argc > 2 ? std::atol(argv[2]) : 200000;
    try {
        HDlModel model(argv[1]);
        model.SetDlModelParam("image_width", 192);
        model.SetDlModelParam("image_height", 48);
        HDict gen_param;
        gen_param.CreateDict();
        HDlPrune pruning(model, "oracle", gen_param);
        HTuple name("prunable_kernel_num");
        const HTuple& handle = pruning.Tuple(); // as code calling the global functions holds its handles
        Hlong sink = 0;
        long global = NsPerCall(calls, [&] {
            HTuple value;
            GetDlPruningParam(handle, name, &value);
            sink += value.L();
        });
        long member = NsPerCall(calls, [&] { sink += pruning.GetDlPruningParam("prunable_kernel_num").L(); });
        Htuple c_pruning = pruning.CTuple(), c_name = name.CTuple();
        long c = NsPerCall(calls, [&] {
            Htuple value;
            if (T_get_dl_pruning_param(c_pruning, c_name, &value) != H_MSG_TRUE) {
                std::abort();
            }
            sink += get_i(value, 0);
            destroy_tuple(value);
        });
        std::printf("cpp_global %ld\ncpp_member %ld\nc %ld\n", global, member, c);
        return sink == 0 ? 1 : 0;
    } catch (HException& e) {
        std::fprintf(stderr, "FAILED %s: %ld %s\n", e.ProcName().Text(), e.ErrorCode(), e.ErrorMessage().Text());
        return 1;
    }
}
