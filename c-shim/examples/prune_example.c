/*
 * The whole pruning workflow through HALCON's C interface (hprune's HalconC.h):
 *   tuples and dicts, images from pixel buffers (T_gen_image3), DLSample dicts with labels 0/1,
 *   read an ONNX classifier, set its image size, create a pruning handle, add batches, generate the pruned model,
 *   print every get_dl_pruning_param value, write the pruned model.
 *
 * Usage: prune_example [MODEL.onnx [PRUNED.onnx]]
 *   Without a model only the tuple, dict and image part runs. The model is expected to take 3-channel 48x192 images
 *   (the PP-OCR text-orientation classifier). Every tuple and object is released at the end: the program runs clean
 *   under valgrind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "HalconC.h"

#define WIDTH 192
#define HEIGHT 48
#define SAMPLES 8
#define BATCH 4

/* Stops on a failed call, printing HALCON's number and hprune's text. */
#define CHECK(call)                                                                            \
    do {                                                                                       \
        Herror rc_ = (call);                                                                   \
        if (rc_ != H_MSG_TRUE) {                                                               \
            fprintf(stderr, "FAILED %s: %d %s\n", #call, (int) rc_, hprune_last_error_text()); \
            exit(1);                                                                           \
        }                                                                                      \
    } while (0)

/* Prints a tuple in HDevelop's notation; handles print as <handle> (their numbers differ between runs). */
static void print_tuple(const char *label, const Htuple t) {
    printf("%s = [", label);
    for (Hlong i = 0; i < length_tuple(t); i++) {
        if (i > 0) {
            printf(", ");
        }
        switch (get_type(t, i)) {
        case LONG_PAR: printf("%ld", get_i(t, i)); break;
        case DOUBLE_PAR: printf("%.4f", get_d(t, i)); break;
        case STRING_PAR: printf("'%s'", get_s(t, i)); break;
        case HANDLE_PAR: printf("<handle>"); break;
        default: printf("?"); break;
        }
    }
    printf("]\n");
}

/* A tuple holding one string / one integer; the caller destroys it. */
static Htuple s(const char *value) {
    Htuple t;
    CHECK(create_tuple_s(&t, value));
    return t;
}

static Htuple i(Hlong value) {
    Htuple t;
    CHECK(create_tuple_i(&t, value));
    return t;
}

/* Sets dict[key] = value and destroys the key and value tuples. */
static void set_dict(Htuple dict, Htuple key, Htuple value) {
    CHECK(T_set_dict_tuple(dict, key, value));
    destroy_tuple(key);
    destroy_tuple(value);
}

/*
 * A synthetic 3-channel sample: a bright bar in the top rows for label 0, in the bottom rows for label 1 (an upright
 * versus a rotated text line, crudely). Pixels are 'real', normalised as PP-OCR expects: (x / 255 - 0.5) / 0.5.
 */
static Hobject sample_image(int label, int index) {
    float *planes[3];
    for (int c = 0; c < 3; c++) {
        planes[c] = malloc(sizeof(float) * WIDTH * HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            int bar = label == 0 ? y < HEIGHT / 3 : y >= 2 * HEIGHT / 3;
            for (int x = 0; x < WIDTH; x++) {
                int grey = bar ? 200 + (x * 7 + index * 13 + c * 5) % 56 : 30 + (x + y + index) % 20;
                planes[c][y * WIDTH + x] = ((float) grey / 255.0f - 0.5f) / 0.5f;
            }
        }
    }
    Htuple type = s("real"), w = i(WIDTH), h = i(HEIGHT);
    Htuple r = i((Hlong) planes[0]), g = i((Hlong) planes[1]), b = i((Hlong) planes[2]);
    Hobject image;
    CHECK(T_gen_image3(&image, type, w, h, r, g, b)); /* copies the pixels */
    destroy_tuple(type), destroy_tuple(w), destroy_tuple(h), destroy_tuple(r), destroy_tuple(g), destroy_tuple(b);
    for (int c = 0; c < 3; c++) {
        free(planes[c]);
    }
    return image;
}

/* Part 1: tuples, dicts, images; returns a tuple of SAMPLES DLSample dict handles. */
static Htuple dicts_and_images(void) {
    Htuple mixed;
    CHECK(create_tuple(&mixed, 3));
    CHECK(set_i(mixed, 42, 0));
    CHECK(set_d(mixed, 0.5, 1));
    CHECK(set_s(mixed, "oracle", 2));
    print_tuple("tuple", mixed);
    printf("tuple types = %d %d %d, tuple_type = %d\n", get_type(mixed, 0), get_type(mixed, 1), get_type(mixed, 2),
           get_tuple_type(mixed));

    Htuple dict;
    CHECK(T_create_dict(&dict));
    Htuple key = s("mixed");
    CHECK(T_set_dict_tuple(dict, key, mixed));
    Htuple back;
    CHECK(T_get_dict_tuple(dict, key, &back));
    print_tuple("get_dict_tuple", back);
    Htuple keys_name = s("keys"), no_key;
    CHECK(create_tuple(&no_key, 0));
    Htuple keys;
    CHECK(T_get_dict_param(dict, keys_name, no_key, &keys));
    print_tuple("dict keys", keys);

    Htuple missing = s("missing"), nothing;
    Herror rc = T_get_dict_tuple(dict, missing, &nothing);
    printf("get_dict_tuple('missing') = %d (tuple %s)\n", (int) rc, nothing == NULL ? "NULL" : "set");
    char text[MAX_STRING];
    CHECK(get_error_text(rc, text));
    printf("error text = %s\n", text);

    Hobject image = sample_image(0, 0);
    Htuple width, height, channels;
    CHECK(T_get_image_size(image, &width, &height));
    CHECK(T_count_channels(image, &channels));
    printf("image = %ld x %ld, %ld channels\n", get_i(width, 0), get_i(height, 0), get_i(channels, 0));
    Hobject r, g, b, half;
    CHECK(T_decompose3(image, &r, &g, &b));
    Htuple half_w = i(WIDTH / 2), half_h = i(HEIGHT / 2), interpolation = s("constant");
    CHECK(T_zoom_image_size(r, &half, half_w, half_h, interpolation));
    Htuple zw, zh;
    CHECK(T_get_image_size(half, &zw, &zh));
    printf("zoomed red channel = %ld x %ld\n", get_i(zw, 0), get_i(zh, 0));

    Htuple cleared_check;
    CHECK(T_create_dict(&cleared_check));
    CHECK(T_clear_handle(cleared_check));
    rc = T_set_dict_tuple(cleared_check, key, mixed);
    printf("set_dict_tuple on a cleared dict = %d\n", (int) rc);

    /* DLSample dicts: 'image' and 'image_label_id' (0 and 1 alternating), collected into one tuple of handles. */
    Htuple samples;
    CHECK(create_tuple(&samples, SAMPLES));
    for (int n = 0; n < SAMPLES; n++) {
        Htuple sample;
        CHECK(T_create_dict(&sample));
        Hobject sample_img = sample_image(n % 2, n);
        Htuple image_key = s("image");
        CHECK(T_set_dict_object(sample_img, sample, image_key)); /* the dict stores its own copy */
        destroy_tuple(image_key);
        clear_obj(sample_img);
        set_dict(sample, s("image_label_id"), i(n % 2));
        set_dict(sample, s("image_id"), i(n));
        CHECK(set_h(samples, get_h(sample, 0), n)); /* one more reference to the dict */
        destroy_tuple(sample);
    }
    Htuple label_key = s("image_label_id"), first, label;
    CHECK(create_tuple_h(&first, get_h(samples, 1)));
    CHECK(T_get_dict_tuple(first, label_key, &label));
    print_tuple("label of sample 1", label);
    printf("samples = %ld dict handles\n", length_tuple(samples));

    destroy_tuple(first), destroy_tuple(label), destroy_tuple(label_key);
    destroy_tuple(zw), destroy_tuple(zh), destroy_tuple(half_w), destroy_tuple(half_h), destroy_tuple(interpolation);
    clear_obj(r), clear_obj(g), clear_obj(b), clear_obj(half), clear_obj(image);
    destroy_tuple(width), destroy_tuple(height), destroy_tuple(channels), destroy_tuple(cleared_check);
    destroy_tuple(missing), destroy_tuple(nothing), destroy_tuple(keys), destroy_tuple(keys_name),
        destroy_tuple(no_key);
    destroy_tuple(back), destroy_tuple(key), destroy_tuple(mixed);
    CHECK(T_clear_handle(dict));
    destroy_tuple(dict);
    return samples;
}

static const char *const PRUNING_PARAMS[] = {"mode", "percentage", "prunable_conv_num", "prunable_conv_layer_name",
                                             "prunable_kernel_num", "pruned_kernel_num", "pruned_percentage"};

/* Part 2: the model workflow. Returns 0 when done. */
static int prune(const char *model_file, const char *pruned_file, const Htuple samples) {
    Htuple file = s(model_file), model;
    Herror rc = T_read_dl_model(file, &model);
    destroy_tuple(file);
    if (rc != H_MSG_TRUE) {
        fprintf(stderr, "FAILED read_dl_model(%s): %d %s\n", model_file, (int) rc, hprune_last_error_text());
        return 1;
    }
    Htuple name = s("image_width"), value = i(WIDTH);
    CHECK(T_set_dl_model_param(model, name, value));
    destroy_tuple(name), destroy_tuple(value);
    name = s("image_height"), value = i(HEIGHT);
    CHECK(T_set_dl_model_param(model, name, value));
    destroy_tuple(name), destroy_tuple(value);
    name = s("batch_size"), value = i(BATCH);
    CHECK(T_set_dl_model_param(model, name, value));
    destroy_tuple(name), destroy_tuple(value);

    Htuple gen_param, mode = s("oracle"), pruning;
    CHECK(T_create_dict(&gen_param));
    CHECK(T_create_dl_pruning(model, mode, gen_param, &pruning));
    name = s("percentage"), value = i(25);
    CHECK(T_set_dl_pruning_param(pruning, name, value));
    destroy_tuple(name), destroy_tuple(value);

    for (int start = 0; start < SAMPLES; start += BATCH) {
        Htuple batch;
        CHECK(create_tuple(&batch, BATCH));
        for (int n = 0; n < BATCH; n++) {
            CHECK(set_h(batch, get_h(samples, start + n), n));
        }
        CHECK(T_add_dl_pruning_batch(model, pruning, batch));
        destroy_tuple(batch);
    }
    Htuple pruned;
    CHECK(T_gen_dl_pruned_model(model, pruning, &pruned));

    for (size_t p = 0; p < sizeof PRUNING_PARAMS / sizeof *PRUNING_PARAMS; p++) {
        Htuple param = s(PRUNING_PARAMS[p]), got;
        CHECK(T_get_dl_pruning_param(pruning, param, &got));
        print_tuple(PRUNING_PARAMS[p], got);
        destroy_tuple(param), destroy_tuple(got);
    }
    Htuple out = s(pruned_file);
    CHECK(T_write_dl_model(pruned, out));
    printf("wrote %s\n", pruned_file);

    CHECK(T_clear_dl_model(pruned));
    CHECK(T_clear_handle(pruning));
    CHECK(T_clear_dl_model(model));
    CHECK(T_clear_handle(gen_param));
    destroy_tuple(out), destroy_tuple(pruned), destroy_tuple(pruning), destroy_tuple(mode), destroy_tuple(gen_param);
    destroy_tuple(model);
    return 0;
}

int main(int argc, char **argv) {
    Htuple samples = dicts_and_images();
    int status = 0;
    if (argc > 1) {
        status = prune(argv[1], argc > 2 ? argv[2] : "pruned.onnx", samples);
    }
    destroy_tuple(samples); /* the last references to the sample dicts */
    printf("done\n");
    return status;
}
