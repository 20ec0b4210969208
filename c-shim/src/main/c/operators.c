/*
 * The T_ operators: each packs its parameters into arrays in HALCON's order and hands them to the Java operator of the
 * same name (hp_call). The table gives Java each operator's name and parameter counts.
 */
#include <stddef.h>

#include "bridge_internal.h"

/* name, iconic in, iconic out, control in, control out */
#define HP_OPERATORS(X)                          \
    X(CLEAR_HANDLE, "clear_handle", 0, 0, 1, 0)  \
    X(CREATE_DICT, "create_dict", 0, 0, 0, 1)    \
    X(SET_DICT_TUPLE, "set_dict_tuple", 0, 0, 3, 0) \
    X(GET_DICT_TUPLE, "get_dict_tuple", 0, 0, 2, 1) \
    X(SET_DICT_OBJECT, "set_dict_object", 1, 0, 2, 0) \
    X(GET_DICT_OBJECT, "get_dict_object", 0, 1, 2, 0) \
    X(GET_DICT_PARAM, "get_dict_param", 0, 0, 3, 1) \
    X(REMOVE_DICT_KEY, "remove_dict_key", 0, 0, 2, 0) \
    X(READ_DICT, "read_dict", 0, 0, 3, 1)        \
    X(WRITE_DICT, "write_dict", 0, 0, 4, 0)      \
    X(COPY_DICT, "copy_dict", 0, 0, 3, 1)        \
    X(READ_IMAGE, "read_image", 0, 1, 1, 0)      \
    X(GEN_IMAGE_CONST, "gen_image_const", 0, 1, 3, 0) \
    X(GEN_IMAGE1, "gen_image1", 0, 1, 4, 0)      \
    X(GEN_IMAGE3, "gen_image3", 0, 1, 6, 0)      \
    X(GET_IMAGE_SIZE, "get_image_size", 1, 0, 0, 2) \
    X(COUNT_CHANNELS, "count_channels", 1, 0, 0, 1) \
    X(ZOOM_IMAGE_SIZE, "zoom_image_size", 1, 1, 3, 0) \
    X(CONVERT_IMAGE_TYPE, "convert_image_type", 1, 1, 1, 0) \
    X(COMPOSE3, "compose3", 3, 1, 0, 0)          \
    X(DECOMPOSE3, "decompose3", 1, 3, 0, 0)      \
    X(READ_DL_MODEL, "read_dl_model", 0, 0, 1, 1) \
    X(WRITE_DL_MODEL, "write_dl_model", 0, 0, 2, 0) \
    X(APPLY_DL_MODEL, "apply_dl_model", 0, 0, 3, 1) \
    X(TRAIN_DL_MODEL_BATCH, "train_dl_model_batch", 0, 0, 2, 1) \
    X(GET_DL_MODEL_PARAM, "get_dl_model_param", 0, 0, 2, 1) \
    X(SET_DL_MODEL_PARAM, "set_dl_model_param", 0, 0, 3, 0) \
    X(CLEAR_DL_MODEL, "clear_dl_model", 0, 0, 1, 0) \
    X(CREATE_DL_PRUNING, "create_dl_pruning", 0, 0, 3, 1) \
    X(SET_DL_PRUNING_PARAM, "set_dl_pruning_param", 0, 0, 3, 0) \
    X(GET_DL_PRUNING_PARAM, "get_dl_pruning_param", 0, 0, 2, 1) \
    X(ADD_DL_PRUNING_BATCH, "add_dl_pruning_batch", 0, 0, 3, 0) \
    X(GEN_DL_PRUNED_MODEL, "gen_dl_pruned_model", 0, 0, 2, 1) \
    X(GET_ERROR_TEXT, "get_error_text", 0, 0, 1, 1) \
    X(COUNT_OBJ, "count_obj", 1, 0, 0, 1)        \
    X(CLEAR_OBJ, "clear_obj", 1, 0, 0, 0)

#define AS_ENUM(id, name, oi, oo, ci, co) OP_##id,
enum { HP_OPERATORS(AS_ENUM) OP_COUNT };

typedef struct {
    const char *name;
    int arity[4];
} op_info;

#define AS_INFO(id, name, oi, oo, ci, co) {name, {oi, oo, ci, co}},
static const op_info ops[] = {HP_OPERATORS(AS_INFO)};

int hprune_op_count(void) {
    return OP_COUNT;
}

const char *hprune_op_name(int op) {
    return op < 0 || op >= OP_COUNT ? NULL : ops[op].name;
}

int hprune_op_arity(int op, int which) {
    return op < 0 || op >= OP_COUNT || which < 0 || which > 3 ? -1 : ops[op].arity[which];
}

/* Shorthands: the arrays are compound literals in HALCON's parameter order. */
#define OBJ_IN(...) ((const Hobject[]){__VA_ARGS__})
#define OBJ_OUT(...) ((Hobject *[]){__VA_ARGS__})
#define IN(...) ((const Htuple[]){__VA_ARGS__})
#define OUT(...) ((Htuple *[]){__VA_ARGS__})

/* ---- handles ---- */
Herror T_clear_handle(const Htuple Handle) {
    return hp_call(OP_CLEAR_HANDLE, NULL, NULL, IN(Handle), NULL);
}

/* ---- dicts ---- */
Herror T_create_dict(Htuple *DictHandle) {
    return hp_call(OP_CREATE_DICT, NULL, NULL, NULL, OUT(DictHandle));
}

Herror T_set_dict_tuple(const Htuple DictHandle, const Htuple Key, const Htuple Tuple) {
    return hp_call(OP_SET_DICT_TUPLE, NULL, NULL, IN(DictHandle, Key, Tuple), NULL);
}

Herror T_get_dict_tuple(const Htuple DictHandle, const Htuple Key, Htuple *Tuple) {
    return hp_call(OP_GET_DICT_TUPLE, NULL, NULL, IN(DictHandle, Key), OUT(Tuple));
}

Herror T_set_dict_object(const Hobject Object, const Htuple DictHandle, const Htuple Key) {
    return hp_call(OP_SET_DICT_OBJECT, OBJ_IN(Object), NULL, IN(DictHandle, Key), NULL);
}

Herror T_get_dict_object(Hobject *Object, const Htuple DictHandle, const Htuple Key) {
    return hp_call(OP_GET_DICT_OBJECT, NULL, OBJ_OUT(Object), IN(DictHandle, Key), NULL);
}

Herror T_get_dict_param(const Htuple DictHandle, const Htuple GenParamName, const Htuple Key,
                        Htuple *GenParamValue) {
    return hp_call(OP_GET_DICT_PARAM, NULL, NULL, IN(DictHandle, GenParamName, Key), OUT(GenParamValue));
}

Herror T_remove_dict_key(const Htuple DictHandle, const Htuple Key) {
    return hp_call(OP_REMOVE_DICT_KEY, NULL, NULL, IN(DictHandle, Key), NULL);
}

Herror T_read_dict(const Htuple FileName, const Htuple GenParamName, const Htuple GenParamValue,
                   Htuple *DictHandle) {
    return hp_call(OP_READ_DICT, NULL, NULL, IN(FileName, GenParamName, GenParamValue), OUT(DictHandle));
}

Herror T_write_dict(const Htuple DictHandle, const Htuple FileName, const Htuple GenParamName,
                    const Htuple GenParamValue) {
    return hp_call(OP_WRITE_DICT, NULL, NULL, IN(DictHandle, FileName, GenParamName, GenParamValue), NULL);
}

Herror T_copy_dict(const Htuple DictHandle, const Htuple GenParamName, const Htuple GenParamValue,
                   Htuple *CopiedDictHandle) {
    return hp_call(OP_COPY_DICT, NULL, NULL, IN(DictHandle, GenParamName, GenParamValue), OUT(CopiedDictHandle));
}

/* ---- images ---- */
Herror T_read_image(Hobject *Image, const Htuple FileName) {
    return hp_call(OP_READ_IMAGE, NULL, OBJ_OUT(Image), IN(FileName), NULL);
}

Herror T_gen_image_const(Hobject *Image, const Htuple Type, const Htuple Width, const Htuple Height) {
    return hp_call(OP_GEN_IMAGE_CONST, NULL, OBJ_OUT(Image), IN(Type, Width, Height), NULL);
}

Herror T_gen_image1(Hobject *Image, const Htuple Type, const Htuple Width, const Htuple Height,
                    const Htuple PixelPointer) {
    return hp_call(OP_GEN_IMAGE1, NULL, OBJ_OUT(Image), IN(Type, Width, Height, PixelPointer), NULL);
}

Herror T_gen_image3(Hobject *ImageRGB, const Htuple Type, const Htuple Width, const Htuple Height,
                    const Htuple PixelPointerRed, const Htuple PixelPointerGreen, const Htuple PixelPointerBlue) {
    return hp_call(OP_GEN_IMAGE3, NULL, OBJ_OUT(ImageRGB),
                   IN(Type, Width, Height, PixelPointerRed, PixelPointerGreen, PixelPointerBlue), NULL);
}

Herror T_get_image_size(const Hobject Image, Htuple *Width, Htuple *Height) {
    return hp_call(OP_GET_IMAGE_SIZE, OBJ_IN(Image), NULL, NULL, OUT(Width, Height));
}

Herror T_count_channels(const Hobject MultiChannelImage, Htuple *Channels) {
    return hp_call(OP_COUNT_CHANNELS, OBJ_IN(MultiChannelImage), NULL, NULL, OUT(Channels));
}

Herror T_zoom_image_size(const Hobject Image, Hobject *ImageZoom, const Htuple Width, const Htuple Height,
                         const Htuple Interpolation) {
    return hp_call(OP_ZOOM_IMAGE_SIZE, OBJ_IN(Image), OBJ_OUT(ImageZoom), IN(Width, Height, Interpolation), NULL);
}

Herror T_convert_image_type(const Hobject Image, Hobject *ImageConverted, const Htuple NewType) {
    return hp_call(OP_CONVERT_IMAGE_TYPE, OBJ_IN(Image), OBJ_OUT(ImageConverted), IN(NewType), NULL);
}

Herror T_compose3(const Hobject Image1, const Hobject Image2, const Hobject Image3, Hobject *MultiChannelImage) {
    return hp_call(OP_COMPOSE3, OBJ_IN(Image1, Image2, Image3), OBJ_OUT(MultiChannelImage), NULL, NULL);
}

Herror T_decompose3(const Hobject MultiChannelImage, Hobject *Image1, Hobject *Image2, Hobject *Image3) {
    return hp_call(OP_DECOMPOSE3, OBJ_IN(MultiChannelImage), OBJ_OUT(Image1, Image2, Image3), NULL, NULL);
}

/* ---- deep-learning models ---- */
Herror T_read_dl_model(const Htuple FileName, Htuple *DLModelHandle) {
    return hp_call(OP_READ_DL_MODEL, NULL, NULL, IN(FileName), OUT(DLModelHandle));
}

Herror T_write_dl_model(const Htuple DLModelHandle, const Htuple FileName) {
    return hp_call(OP_WRITE_DL_MODEL, NULL, NULL, IN(DLModelHandle, FileName), NULL);
}

Herror T_apply_dl_model(const Htuple DLModelHandle, const Htuple DLSampleBatch, const Htuple Outputs,
                        Htuple *DLResultBatch) {
    return hp_call(OP_APPLY_DL_MODEL, NULL, NULL, IN(DLModelHandle, DLSampleBatch, Outputs), OUT(DLResultBatch));
}

Herror T_train_dl_model_batch(const Htuple DLModelHandle, const Htuple DLSampleBatch, Htuple *DLTrainResult) {
    return hp_call(OP_TRAIN_DL_MODEL_BATCH, NULL, NULL, IN(DLModelHandle, DLSampleBatch), OUT(DLTrainResult));
}

Herror T_get_dl_model_param(const Htuple DLModelHandle, const Htuple GenParamName, Htuple *GenParamValue) {
    return hp_call(OP_GET_DL_MODEL_PARAM, NULL, NULL, IN(DLModelHandle, GenParamName), OUT(GenParamValue));
}

Herror T_set_dl_model_param(const Htuple DLModelHandle, const Htuple GenParamName, const Htuple GenParamValue) {
    return hp_call(OP_SET_DL_MODEL_PARAM, NULL, NULL, IN(DLModelHandle, GenParamName, GenParamValue), NULL);
}

Herror T_clear_dl_model(const Htuple DLModelHandle) {
    return hp_call(OP_CLEAR_DL_MODEL, NULL, NULL, IN(DLModelHandle), NULL);
}

/* ---- pruning ---- */
Herror T_create_dl_pruning(const Htuple DLModelHandle, const Htuple Mode, const Htuple GenParam,
                           Htuple *DLPruningHandle) {
    return hp_call(OP_CREATE_DL_PRUNING, NULL, NULL, IN(DLModelHandle, Mode, GenParam), OUT(DLPruningHandle));
}

Herror T_set_dl_pruning_param(const Htuple DLPruningHandle, const Htuple GenParamName, const Htuple GenParamValue) {
    return hp_call(OP_SET_DL_PRUNING_PARAM, NULL, NULL, IN(DLPruningHandle, GenParamName, GenParamValue), NULL);
}

Herror T_get_dl_pruning_param(const Htuple DLPruningHandle, const Htuple GenParamName, Htuple *GenParamValue) {
    return hp_call(OP_GET_DL_PRUNING_PARAM, NULL, NULL, IN(DLPruningHandle, GenParamName), OUT(GenParamValue));
}

Herror T_add_dl_pruning_batch(const Htuple DLModelHandleToPrune, const Htuple DLPruningHandle,
                              const Htuple DLSampleBatch) {
    return hp_call(OP_ADD_DL_PRUNING_BATCH, NULL, NULL, IN(DLModelHandleToPrune, DLPruningHandle, DLSampleBatch),
                   NULL);
}

Herror T_gen_dl_pruned_model(const Htuple DLModelHandleToPrune, const Htuple DLPruningHandle,
                             Htuple *DLModelHandlePruned) {
    return hp_call(OP_GEN_DL_PRUNED_MODEL, NULL, NULL, IN(DLModelHandleToPrune, DLPruningHandle),
                   OUT(DLModelHandlePruned));
}

/* ---- errors and objects ---- */
Herror T_get_error_text(const Htuple ErrorCode, Htuple *ErrorText) {
    return hp_call(OP_GET_ERROR_TEXT, NULL, NULL, IN(ErrorCode), OUT(ErrorText));
}

Herror count_obj(const Hobject objects, Hlong *number) {
    Htuple count = NULL;
    Herror rc = hp_call(OP_COUNT_OBJ, OBJ_IN(objects), NULL, NULL, OUT(&count));
    if (rc == H_MSG_TRUE && number != NULL) {
        *number = get_i(count, 0);
    }
    destroy_tuple(count);
    return rc;
}

Herror clear_obj(Hobject objects) {
    return objects == NULL ? H_MSG_TRUE : hp_call(OP_CLEAR_OBJ, OBJ_IN(objects), NULL, NULL, NULL);
}
