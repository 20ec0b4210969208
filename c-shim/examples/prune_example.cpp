/*
 * prune_example.c ported to HALCON's C++ interface (hprune's HalconCpp.h): the same workflow, the same printed lines.
 *   tuples and dicts, images from pixel buffers (GenImage3), DLSample dicts with labels 0/1, read an ONNX classifier,
 *   set its image size, create a pruning handle, add batches, generate the pruned model, print every
 *   get_dl_pruning_param value, write the pruned model.
 *
 * Usage: prune_example_cpp [MODEL.onnx [PRUNED.onnx]]
 *   Without a model only the tuple, dict and image part runs. Errors arrive as HException; nothing is released by
 *   hand: every tuple, object and handle reference goes with its C++ object (the program runs clean under valgrind).
 */
#include <cstdio>
#include <vector>

#include "HalconCpp.h"

using namespace HalconCpp;

static const Hlong WIDTH = 192, HEIGHT = 48, SAMPLES = 8, BATCH = 4;

/* Prints a tuple as prune_example.c does; handles print as <handle> (their numbers differ between runs). */
static void PrintTuple(const char* label, const HTuple& t) {
    std::printf("%s = [", label);
    for (Hlong i = 0; i < t.Length(); i++) {
        std::fputs(i > 0 ? ", " : "", stdout);
        switch (t[i].Type()) {
        case LONG_PAR: std::printf("%ld", t[i].L()); break;
        case DOUBLE_PAR: std::printf("%.4f", t[i].D()); break;
        case STRING_PAR: std::printf("'%s'", t[i].S().Text()); break;
        case HANDLE_PAR: std::printf("<handle>"); break;
        default: std::printf("?"); break;
        }
    }
    std::printf("]\n");
}

/* The synthetic sample of prune_example.c: a bright bar at the top (label 0) or bottom (label 1), normalised. */
static HImage SampleImage(int label, int index) {
    std::vector<float> planes[3];
    for (int c = 0; c < 3; c++) {
        planes[c].resize(WIDTH * HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            bool bar = label == 0 ? y < HEIGHT / 3 : y >= 2 * HEIGHT / 3;
            for (int x = 0; x < WIDTH; x++) {
                int grey = bar ? 200 + (x * 7 + index * 13 + c * 5) % 56 : 30 + (x + y + index) % 20;
                planes[c][y * WIDTH + x] = (static_cast<float>(grey) / 255.0f - 0.5f) / 0.5f;
            }
        }
    }
    HImage image;
    image.GenImage3("real", WIDTH, HEIGHT, planes[0].data(), planes[1].data(), planes[2].data()); // copies
    return image;
}

/* Part 1: tuples, dicts, images; returns a tuple of SAMPLES DLSample dict handles. */
static HTuple DictsAndImages() {
    HTuple mixed;
    mixed[0] = 42;
    mixed[1] = 0.5;
    mixed[2] = "oracle";
    PrintTuple("tuple", mixed);
    std::printf("tuple types = %d %d %d, tuple_type = %d\n", mixed[0].Type(), mixed[1].Type(), mixed[2].Type(),
                mixed.Type());

    HDict dict;
    dict.CreateDict();
    dict.SetDictTuple("mixed", mixed);
    PrintTuple("get_dict_tuple", dict.GetDictTuple("mixed"));
    PrintTuple("dict keys", dict.GetDictParam("keys", HTuple()));

    HTuple nothing;
    try {
        GetDictTuple(dict, "missing", &nothing);
    } catch (HException& e) {
        std::printf("get_dict_tuple('missing') = %ld (tuple %s)\n", e.ErrorCode(),
                    nothing.Length() == 0 ? "NULL" : "set");
        HTuple text;
        GetErrorText(e.ErrorCode(), &text);
        std::printf("error text = %s\n", text.S().Text());
    }

    HImage image = SampleImage(0, 0);
    Hlong width, height;
    image.GetImageSize(&width, &height);
    std::printf("image = %ld x %ld, %ld channels\n", width, height, image.CountChannels().L());
    HImage g, b;
    HImage r = image.Decompose3(&g, &b);
    HImage half = r.ZoomImageSize(WIDTH / 2, HEIGHT / 2, "constant");
    HTuple zw, zh;
    half.GetImageSize(&zw, &zh);
    std::printf("zoomed red channel = %ld x %ld\n", zw.L(), zh.L());

    HDict cleared;
    cleared.CreateDict();
    cleared.ClearHandle();
    try {
        cleared.SetDictTuple("mixed", mixed);
    } catch (HException& e) {
        std::printf("set_dict_tuple on a cleared dict = %ld\n", e.ErrorCode());
    }

    /* DLSample dicts: 'image' and 'image_label_id' (0 and 1 alternating), collected into one tuple of handles. */
    HTuple samples;
    for (int n = 0; n < SAMPLES; n++) {
        HDict sample;
        sample.CreateDict();
        sample.SetDictObject(SampleImage(n % 2, n), "image"); // the dict stores its own copy
        sample.SetDictTuple("image_label_id", n % 2);
        sample.SetDictTuple("image_id", n);
        samples[n] = sample; // one more reference to the dict
    }
    PrintTuple("label of sample 1", HDict(samples[1].H()).GetDictTuple("image_label_id"));
    std::printf("samples = %ld dict handles\n", samples.Length());
    dict.ClearHandle();
    return samples;
}

static const char* const PRUNING_PARAMS[] = {"mode", "percentage", "prunable_conv_num", "prunable_conv_layer_name",
                                              "prunable_kernel_num", "pruned_kernel_num", "pruned_percentage"};

/* Part 2: the model workflow, in HALCON's C++ style: handle classes and their member functions. */
static void Prune(const char* model_file, const char* pruned_file, const HTuple& samples) {
    HDlModel model(model_file);
    model.SetDlModelParam("image_width", WIDTH);
    model.SetDlModelParam("image_height", HEIGHT);
    model.SetDlModelParam("batch_size", BATCH);

    HDict gen_param;
    gen_param.CreateDict();
    HDlPrune pruning(model, "oracle", gen_param);
    pruning.SetDlPruningParam("percentage", 25);

    for (Hlong start = 0; start < SAMPLES; start += BATCH) {
        HTuple batch;
        TupleSelectRange(samples, start, start + BATCH - 1, &batch);
        model.AddDlPruningBatch(pruning, batch);
    }
    HDlModel pruned = model.GenDlPrunedModel(pruning);

    for (const char* name : PRUNING_PARAMS) {
        PrintTuple(name, pruning.GetDlPruningParam(name));
    }
    pruned.WriteDlModel(pruned_file);
    std::printf("wrote %s\n", pruned_file);

    pruned.ClearDlModel();
    pruning.ClearHandle();
    model.ClearDlModel();
    gen_param.ClearHandle();
}

int main(int argc, char** argv) {
    try {
        HTuple samples = DictsAndImages();
        if (argc > 1) {
            try {
                Prune(argv[1], argc > 2 ? argv[2] : "pruned.onnx", samples);
            } catch (HException& e) {
                std::fprintf(stderr, "FAILED %s: %ld %s\n", e.ProcName().Text(), e.ErrorCode(),
                             e.ErrorMessage().Text());
                return 1;
            }
        }
        std::printf("done\n");
        return 0;
    } catch (HException& e) {
        std::fprintf(stderr, "FAILED %s: %ld %s\n", e.ProcName().Text(), e.ErrorCode(), e.ErrorMessage().Text());
        return 1;
    }
}
