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
    X(SCALE_IMAGE, "scale_image", 1, 1, 2, 0)    \
    X(RGB1_TO_GRAY, "rgb1_to_gray", 1, 1, 0, 0)  \
    X(ACCESS_CHANNEL, "access_channel", 1, 1, 1, 0) \
    X(APPEND_CHANNEL, "append_channel", 2, 1, 0, 0) \
    X(GET_IMAGE_TYPE, "get_image_type", 1, 0, 0, 1) \
    X(COPY_IMAGE, "copy_image", 1, 1, 0, 0)      \
    X(MIN_MAX_GRAY, "min_max_gray", 2, 0, 1, 3)  \
    X(GET_IMAGE_POINTER1, "get_image_pointer1", 1, 0, 0, 4) \
    X(FULL_DOMAIN, "full_domain", 1, 1, 0, 0)    \
    X(CROP_DOMAIN, "crop_domain", 1, 1, 0, 0)    \
    X(GET_DOMAIN, "get_domain", 1, 1, 0, 0)      \
    X(GEN_RECTANGLE1, "gen_rectangle1", 0, 1, 4, 0) \
    X(CHANGE_DOMAIN, "change_domain", 2, 1, 0, 0) \
    X(READ_DL_MODEL, "read_dl_model", 0, 0, 1, 1) \
    X(WRITE_DL_MODEL, "write_dl_model", 0, 0, 2, 0) \
    X(APPLY_DL_MODEL, "apply_dl_model", 0, 0, 3, 1) \
    X(TRAIN_DL_MODEL_BATCH, "train_dl_model_batch", 0, 0, 2, 1) \
    X(GET_DL_MODEL_PARAM, "get_dl_model_param", 0, 0, 2, 1) \
    X(SET_DL_MODEL_PARAM, "set_dl_model_param", 0, 0, 3, 0) \
    X(CLEAR_DL_MODEL, "clear_dl_model", 0, 0, 1, 0) \
    X(LOAD_DL_MODEL_WEIGHTS, "load_dl_model_weights", 0, 0, 2, 1) \
    X(QUERY_AVAILABLE_DL_DEVICES, "query_available_dl_devices", 0, 0, 2, 1) \
    X(GET_DL_DEVICE_PARAM, "get_dl_device_param", 0, 0, 2, 1) \
    X(CREATE_DL_PRUNING, "create_dl_pruning", 0, 0, 3, 1) \
    X(SET_DL_PRUNING_PARAM, "set_dl_pruning_param", 0, 0, 3, 0) \
    X(GET_DL_PRUNING_PARAM, "get_dl_pruning_param", 0, 0, 2, 1) \
    X(ADD_DL_PRUNING_BATCH, "add_dl_pruning_batch", 0, 0, 3, 0) \
    X(GEN_DL_PRUNED_MODEL, "gen_dl_pruned_model", 0, 0, 2, 1) \
    X(WRITE_DL_PRUNING_SCORES, "write_dl_pruning_scores", 0, 0, 2, 0) \
    X(READ_DL_PRUNING_SCORES, "read_dl_pruning_scores", 0, 0, 2, 0) \
    X(ADD_DL_PRUNING_SCORES, "add_dl_pruning_scores", 0, 0, 2, 0) \
    X(TUPLE_LENGTH, "tuple_length", 0, 0, 1, 1) \
    X(TUPLE_SELECT, "tuple_select", 0, 0, 2, 1) \
    X(TUPLE_SELECT_RANGE, "tuple_select_range", 0, 0, 3, 1) \
    X(TUPLE_FIRST_N, "tuple_first_n", 0, 0, 2, 1) \
    X(TUPLE_LAST_N, "tuple_last_n", 0, 0, 2, 1) \
    X(TUPLE_FIND, "tuple_find", 0, 0, 2, 1)     \
    X(TUPLE_UNIQ, "tuple_uniq", 0, 0, 1, 1)     \
    X(TUPLE_INVERSE, "tuple_inverse", 0, 0, 1, 1) \
    X(TUPLE_CONCAT, "tuple_concat", 0, 0, 2, 1) \
    X(TUPLE_SORT, "tuple_sort", 0, 0, 1, 1)     \
    X(TUPLE_SORT_INDEX, "tuple_sort_index", 0, 0, 1, 1) \
    X(TUPLE_GEN_SEQUENCE, "tuple_gen_sequence", 0, 0, 3, 1) \
    X(TUPLE_GEN_CONST, "tuple_gen_const", 0, 0, 2, 1) \
    X(TUPLE_RAND, "tuple_rand", 0, 0, 1, 1)     \
    X(TUPLE_SUM, "tuple_sum", 0, 0, 1, 1)       \
    X(TUPLE_MAX, "tuple_max", 0, 0, 1, 1)       \
    X(TUPLE_MIN, "tuple_min", 0, 0, 1, 1)       \
    X(TUPLE_MEAN, "tuple_mean", 0, 0, 1, 1)     \
    X(TUPLE_ROUND, "tuple_round", 0, 0, 1, 1)   \
    X(TUPLE_INT, "tuple_int", 0, 0, 1, 1)       \
    X(TUPLE_REAL, "tuple_real", 0, 0, 1, 1)     \
    X(TUPLE_STRING, "tuple_string", 0, 0, 2, 1) \
    X(TUPLE_EQUAL, "tuple_equal", 0, 0, 2, 1)   \
    X(TUPLE_REGEXP_MATCH, "tuple_regexp_match", 0, 0, 2, 1) \
    X(TUPLE_SPLIT, "tuple_split", 0, 0, 2, 1)   \
    X(TUPLE_STRSTR, "tuple_strstr", 0, 0, 2, 1) \
    X(TUPLE_STR_BIT_SELECT, "tuple_str_bit_select", 0, 0, 2, 1) \
    X(TUPLE_ADD, "tuple_add", 0, 0, 2, 1)       \
    X(TUPLE_SUB, "tuple_sub", 0, 0, 2, 1)       \
    X(TUPLE_MULT, "tuple_mult", 0, 0, 2, 1)     \
    X(TUPLE_DIV, "tuple_div", 0, 0, 2, 1)       \
    X(GET_SYSTEM, "get_system", 0, 0, 1, 1)     \
    X(FILE_EXISTS, "file_exists", 0, 0, 1, 1)   \
    X(LIST_FILES, "list_files", 0, 0, 2, 1)     \
    X(SET_SYSTEM, "set_system", 0, 0, 2, 0)     \
    X(MAKE_DIR, "make_dir", 0, 0, 1, 0)         \
    X(REMOVE_DIR, "remove_dir", 0, 0, 1, 0)     \
    X(DELETE_FILE, "delete_file", 0, 0, 1, 0)   \
    X(GEN_EMPTY_OBJ, "gen_empty_obj", 0, 1, 0, 0) \
    X(CONCAT_OBJ, "concat_obj", 2, 1, 0, 0)     \
    X(SELECT_OBJ, "select_obj", 1, 1, 1, 0)     \
    X(REPLACE_OBJ, "replace_obj", 2, 1, 1, 0)   \
    X(GET_ERROR_TEXT, "get_error_text", 0, 0, 1, 1) \
    X(COUNT_OBJ, "count_obj", 1, 0, 0, 1)        \
    X(CLEAR_OBJ, "clear_obj", 1, 0, 0, 0)       \
    /* HALCON's standard procedures (dev.hprune.procedures), offered as hprune_<name> */ \
    X(P_READ_DL_DATASET_CLASSIFICATION, "read_dl_dataset_classification", 0, 0, 2, 1) \
    X(P_SPLIT_DL_DATASET, "split_dl_dataset", 0, 0, 4, 0) \
    X(P_CREATE_DL_PREPROCESS_PARAM, "create_dl_preprocess_param", 0, 0, 12, 1) \
    X(P_CREATE_DL_PREPROCESS_PARAM_FROM_MODEL, "create_dl_preprocess_param_from_model", 0, 0, 6, 1) \
    X(P_CHECK_DL_PREPROCESS_PARAM, "check_dl_preprocess_param", 0, 0, 1, 0) \
    X(P_PREPROCESS_DL_DATASET, "preprocess_dl_dataset", 0, 0, 4, 1) \
    X(P_PREPROCESS_DL_SAMPLES, "preprocess_dl_samples", 0, 0, 2, 0) \
    X(P_PREPROCESS_DL_MODEL_IMAGES, "preprocess_dl_model_images", 1, 1, 1, 0) \
    X(P_GEN_DL_SAMPLES_FROM_IMAGES, "gen_dl_samples_from_images", 1, 0, 0, 1) \
    X(P_FIND_DL_SAMPLES, "find_dl_samples", 0, 0, 4, 1) \
    X(P_READ_DL_SAMPLES, "read_dl_samples", 0, 0, 2, 1) \
    X(P_GEN_DL_SAMPLES, "gen_dl_samples", 0, 0, 4, 1) \
    X(P_WRITE_DL_SAMPLES, "write_dl_samples", 0, 0, 5, 0) \
    X(P_CREATE_DL_TRAIN_PARAM, "create_dl_train_param", 0, 0, 7, 1) \
    X(P_TRAIN_DL_MODEL, "train_dl_model", 0, 0, 4, 3) \
    X(P_CREATE_EVALUATION_DEFAULT_PARAM, "create_evaluation_default_param", 0, 0, 2, 1) \
    X(P_EVALUATE_DL_MODEL, "evaluate_dl_model", 0, 0, 5, 2) \
    X(P_LIST_IMAGE_FILES, "list_image_files", 0, 0, 3, 1)

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

/* ---- preprocessing image operators; those without control parameters have no T_ form, as in HALCON ---- */
Herror T_scale_image(const Hobject Image, Hobject *ImageScaled, const Htuple Mult, const Htuple Add) {
    return hp_call(OP_SCALE_IMAGE, OBJ_IN(Image), OBJ_OUT(ImageScaled), IN(Mult, Add), NULL);
}

Herror rgb1_to_gray(const Hobject RGBImage, Hobject *GrayImage) {
    return hp_call(OP_RGB1_TO_GRAY, OBJ_IN(RGBImage), OBJ_OUT(GrayImage), NULL, NULL);
}

Herror T_access_channel(const Hobject MultiChannelImage, Hobject *Image, const Htuple Channel) {
    return hp_call(OP_ACCESS_CHANNEL, OBJ_IN(MultiChannelImage), OBJ_OUT(Image), IN(Channel), NULL);
}

Herror append_channel(const Hobject MultiChannelImage, const Hobject Image, Hobject *ImageExtended) {
    return hp_call(OP_APPEND_CHANNEL, OBJ_IN(MultiChannelImage, Image), OBJ_OUT(ImageExtended), NULL, NULL);
}

Herror T_get_image_type(const Hobject Image, Htuple *Type) {
    return hp_call(OP_GET_IMAGE_TYPE, OBJ_IN(Image), NULL, NULL, OUT(Type));
}

Herror copy_image(const Hobject Image, Hobject *DupImage) {
    return hp_call(OP_COPY_IMAGE, OBJ_IN(Image), OBJ_OUT(DupImage), NULL, NULL);
}

Herror T_min_max_gray(const Hobject Regions, const Hobject Image, const Htuple Percent, Htuple *Min, Htuple *Max,
                      Htuple *Range) {
    return hp_call(OP_MIN_MAX_GRAY, OBJ_IN(Regions, Image), NULL, IN(Percent), OUT(Min, Max, Range));
}

Herror T_get_image_pointer1(const Hobject Image, Htuple *Pointer, Htuple *Type, Htuple *Width, Htuple *Height) {
    return hp_call(OP_GET_IMAGE_POINTER1, OBJ_IN(Image), NULL, NULL, OUT(Pointer, Type, Width, Height));
}

Herror full_domain(const Hobject Image, Hobject *ImageFull) {
    return hp_call(OP_FULL_DOMAIN, OBJ_IN(Image), OBJ_OUT(ImageFull), NULL, NULL);
}

Herror crop_domain(const Hobject Image, Hobject *ImagePart) {
    return hp_call(OP_CROP_DOMAIN, OBJ_IN(Image), OBJ_OUT(ImagePart), NULL, NULL);
}

Herror T_gen_rectangle1(Hobject *Rectangle, const Htuple Row1, const Htuple Column1, const Htuple Row2,
                        const Htuple Column2) {
    return hp_call(OP_GEN_RECTANGLE1, NULL, OBJ_OUT(Rectangle), IN(Row1, Column1, Row2, Column2), NULL);
}

Herror get_domain(const Hobject Image, Hobject *Domain) {
    return hp_call(OP_GET_DOMAIN, OBJ_IN(Image), OBJ_OUT(Domain), NULL, NULL);
}

Herror change_domain(const Hobject Image, const Hobject NewDomain, Hobject *ImageNew) {
    return hp_call(OP_CHANGE_DOMAIN, OBJ_IN(Image, NewDomain), OBJ_OUT(ImageNew), NULL, NULL);
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

Herror T_query_available_dl_devices(const Htuple GenParamName, const Htuple GenParamValue, Htuple *DLDeviceHandles) {
    return hp_call(OP_QUERY_AVAILABLE_DL_DEVICES, NULL, NULL, IN(GenParamName, GenParamValue), OUT(DLDeviceHandles));
}

Herror T_get_dl_device_param(const Htuple DLDeviceHandle, const Htuple GenParamName, Htuple *GenParamValue) {
    return hp_call(OP_GET_DL_DEVICE_PARAM, NULL, NULL, IN(DLDeviceHandle, GenParamName), OUT(GenParamValue));
}

Herror T_clear_dl_model(const Htuple DLModelHandle) {
    return hp_call(OP_CLEAR_DL_MODEL, NULL, NULL, IN(DLModelHandle), NULL);
}

Herror T_load_dl_model_weights(const Htuple DLModelHandleSource, const Htuple DLModelHandleTarget,
                               Htuple *ChangesByLayer) {
    return hp_call(OP_LOAD_DL_MODEL_WEIGHTS, NULL, NULL, IN(DLModelHandleSource, DLModelHandleTarget),
                   OUT(ChangesByLayer));
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

/* hprune's own: scores that travel between processes */
Herror T_write_dl_pruning_scores(const Htuple DLPruningHandle, const Htuple FileName) {
    return hp_call(OP_WRITE_DL_PRUNING_SCORES, NULL, NULL, IN(DLPruningHandle, FileName), NULL);
}

Herror T_read_dl_pruning_scores(const Htuple DLPruningHandle, const Htuple FileName) {
    return hp_call(OP_READ_DL_PRUNING_SCORES, NULL, NULL, IN(DLPruningHandle, FileName), NULL);
}

Herror T_add_dl_pruning_scores(const Htuple DLPruningHandle, const Htuple DLPruningHandleOther) {
    return hp_call(OP_ADD_DL_PRUNING_SCORES, NULL, NULL, IN(DLPruningHandle, DLPruningHandleOther), NULL);
}

/* ---- errors and objects ---- */
Herror T_get_error_text(const Htuple ErrorCode, Htuple *ErrorText) {
    return hp_call(OP_GET_ERROR_TEXT, NULL, NULL, IN(ErrorCode), OUT(ErrorText));
}

/* ---- tuples, system, files (issue 14) ---- */
Herror T_tuple_length(const Htuple Tuple, Htuple *Length) {
    return hp_call(OP_TUPLE_LENGTH, NULL, NULL, IN(Tuple), OUT(Length));
}

Herror T_tuple_select(const Htuple Tuple, const Htuple Index, Htuple *Selected) {
    return hp_call(OP_TUPLE_SELECT, NULL, NULL, IN(Tuple, Index), OUT(Selected));
}

Herror T_tuple_select_range(const Htuple Tuple, const Htuple Leftindex, const Htuple Rightindex, Htuple *Selected) {
    return hp_call(OP_TUPLE_SELECT_RANGE, NULL, NULL, IN(Tuple, Leftindex, Rightindex), OUT(Selected));
}

Herror T_tuple_first_n(const Htuple Tuple, const Htuple Index, Htuple *Selected) {
    return hp_call(OP_TUPLE_FIRST_N, NULL, NULL, IN(Tuple, Index), OUT(Selected));
}

Herror T_tuple_last_n(const Htuple Tuple, const Htuple Index, Htuple *Selected) {
    return hp_call(OP_TUPLE_LAST_N, NULL, NULL, IN(Tuple, Index), OUT(Selected));
}

Herror T_tuple_find(const Htuple Tuple, const Htuple ToFind, Htuple *Index) {
    return hp_call(OP_TUPLE_FIND, NULL, NULL, IN(Tuple, ToFind), OUT(Index));
}

Herror T_tuple_uniq(const Htuple Tuple, Htuple *Uniq) {
    return hp_call(OP_TUPLE_UNIQ, NULL, NULL, IN(Tuple), OUT(Uniq));
}

Herror T_tuple_inverse(const Htuple Tuple, Htuple *Inverted) {
    return hp_call(OP_TUPLE_INVERSE, NULL, NULL, IN(Tuple), OUT(Inverted));
}

Herror T_tuple_concat(const Htuple T1, const Htuple T2, Htuple *Concat) {
    return hp_call(OP_TUPLE_CONCAT, NULL, NULL, IN(T1, T2), OUT(Concat));
}

Herror T_tuple_sort(const Htuple Tuple, Htuple *Sorted) {
    return hp_call(OP_TUPLE_SORT, NULL, NULL, IN(Tuple), OUT(Sorted));
}

Herror T_tuple_sort_index(const Htuple Tuple, Htuple *Indices) {
    return hp_call(OP_TUPLE_SORT_INDEX, NULL, NULL, IN(Tuple), OUT(Indices));
}

Herror T_tuple_gen_sequence(const Htuple Start, const Htuple End, const Htuple Step, Htuple *Sequence) {
    return hp_call(OP_TUPLE_GEN_SEQUENCE, NULL, NULL, IN(Start, End, Step), OUT(Sequence));
}

Herror T_tuple_gen_const(const Htuple Length, const Htuple Const, Htuple *Newtuple) {
    return hp_call(OP_TUPLE_GEN_CONST, NULL, NULL, IN(Length, Const), OUT(Newtuple));
}

Herror T_tuple_rand(const Htuple Length, Htuple *Rand) {
    return hp_call(OP_TUPLE_RAND, NULL, NULL, IN(Length), OUT(Rand));
}

Herror T_tuple_sum(const Htuple Tuple, Htuple *Sum) {
    return hp_call(OP_TUPLE_SUM, NULL, NULL, IN(Tuple), OUT(Sum));
}

Herror T_tuple_max(const Htuple Tuple, Htuple *Max) {
    return hp_call(OP_TUPLE_MAX, NULL, NULL, IN(Tuple), OUT(Max));
}

Herror T_tuple_min(const Htuple Tuple, Htuple *Min) {
    return hp_call(OP_TUPLE_MIN, NULL, NULL, IN(Tuple), OUT(Min));
}

Herror T_tuple_mean(const Htuple Tuple, Htuple *Mean) {
    return hp_call(OP_TUPLE_MEAN, NULL, NULL, IN(Tuple), OUT(Mean));
}

Herror T_tuple_round(const Htuple T, Htuple *Round) {
    return hp_call(OP_TUPLE_ROUND, NULL, NULL, IN(T), OUT(Round));
}

Herror T_tuple_int(const Htuple T, Htuple *Int) {
    return hp_call(OP_TUPLE_INT, NULL, NULL, IN(T), OUT(Int));
}

Herror T_tuple_real(const Htuple T, Htuple *Real) {
    return hp_call(OP_TUPLE_REAL, NULL, NULL, IN(T), OUT(Real));
}

Herror T_tuple_string(const Htuple T, const Htuple Format, Htuple *String) {
    return hp_call(OP_TUPLE_STRING, NULL, NULL, IN(T, Format), OUT(String));
}

Herror T_tuple_equal(const Htuple T1, const Htuple T2, Htuple *Equal) {
    return hp_call(OP_TUPLE_EQUAL, NULL, NULL, IN(T1, T2), OUT(Equal));
}

Herror T_tuple_regexp_match(const Htuple Data, const Htuple Expression, Htuple *Matches) {
    return hp_call(OP_TUPLE_REGEXP_MATCH, NULL, NULL, IN(Data, Expression), OUT(Matches));
}

Herror T_tuple_split(const Htuple String, const Htuple Separator, Htuple *Substrings) {
    return hp_call(OP_TUPLE_SPLIT, NULL, NULL, IN(String, Separator), OUT(Substrings));
}

Herror T_tuple_strstr(const Htuple String, const Htuple ToFind, Htuple *Position) {
    return hp_call(OP_TUPLE_STRSTR, NULL, NULL, IN(String, ToFind), OUT(Position));
}

Herror T_tuple_str_bit_select(const Htuple Tuple, const Htuple Index, Htuple *Selected) {
    return hp_call(OP_TUPLE_STR_BIT_SELECT, NULL, NULL, IN(Tuple, Index), OUT(Selected));
}

Herror T_tuple_add(const Htuple S1, const Htuple S2, Htuple *Sum) {
    return hp_call(OP_TUPLE_ADD, NULL, NULL, IN(S1, S2), OUT(Sum));
}

Herror T_tuple_sub(const Htuple D1, const Htuple D2, Htuple *Diff) {
    return hp_call(OP_TUPLE_SUB, NULL, NULL, IN(D1, D2), OUT(Diff));
}

Herror T_tuple_mult(const Htuple P1, const Htuple P2, Htuple *Prod) {
    return hp_call(OP_TUPLE_MULT, NULL, NULL, IN(P1, P2), OUT(Prod));
}

Herror T_tuple_div(const Htuple Q1, const Htuple Q2, Htuple *Quot) {
    return hp_call(OP_TUPLE_DIV, NULL, NULL, IN(Q1, Q2), OUT(Quot));
}

Herror T_get_system(const Htuple Query, Htuple *Information) {
    return hp_call(OP_GET_SYSTEM, NULL, NULL, IN(Query), OUT(Information));
}

Herror T_file_exists(const Htuple FileName, Htuple *FileExists) {
    return hp_call(OP_FILE_EXISTS, NULL, NULL, IN(FileName), OUT(FileExists));
}

Herror T_list_files(const Htuple Directory, const Htuple Options, Htuple *Files) {
    return hp_call(OP_LIST_FILES, NULL, NULL, IN(Directory, Options), OUT(Files));
}

Herror T_set_system(const Htuple SystemParameter, const Htuple Value) {
    return hp_call(OP_SET_SYSTEM, NULL, NULL, IN(SystemParameter, Value), NULL);
}

Herror T_make_dir(const Htuple DirName) {
    return hp_call(OP_MAKE_DIR, NULL, NULL, IN(DirName), NULL);
}

Herror T_remove_dir(const Htuple DirName) {
    return hp_call(OP_REMOVE_DIR, NULL, NULL, IN(DirName), NULL);
}

Herror T_delete_file(const Htuple FileName) {
    return hp_call(OP_DELETE_FILE, NULL, NULL, IN(FileName), NULL);
}
/* ---- object tuples (indices count from 1) ---- */
Herror gen_empty_obj(Hobject *EmptyObject) {
    return hp_call(OP_GEN_EMPTY_OBJ, NULL, OBJ_OUT(EmptyObject), NULL, NULL);
}

Herror concat_obj(const Hobject Objects1, const Hobject Objects2, Hobject *ObjectsConcat) {
    return hp_call(OP_CONCAT_OBJ, OBJ_IN(Objects1, Objects2), OBJ_OUT(ObjectsConcat), NULL, NULL);
}

Herror T_select_obj(const Hobject Objects, Hobject *ObjectSelected, const Htuple Index) {
    return hp_call(OP_SELECT_OBJ, OBJ_IN(Objects), OBJ_OUT(ObjectSelected), IN(Index), NULL);
}

Herror select_obj(const Hobject Objects, Hobject *ObjectSelected, Hlong Index) {
    Htuple index = NULL;
    Herror rc = create_tuple_i(&index, Index);
    if (rc == H_MSG_TRUE) {
        rc = T_select_obj(Objects, ObjectSelected, index);
    }
    destroy_tuple(index);
    return rc;
}

Herror T_replace_obj(const Hobject Objects, const Hobject ObjectsReplace, Hobject *ObjectsResult, const Htuple Index) {
    return hp_call(OP_REPLACE_OBJ, OBJ_IN(Objects, ObjectsReplace), OBJ_OUT(ObjectsResult), IN(Index), NULL);
}

Herror T_count_obj(const Hobject Objects, Htuple *Number) {
    return hp_call(OP_COUNT_OBJ, OBJ_IN(Objects), NULL, NULL, OUT(Number));
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

/* ---- HALCON's standard procedures (dev.hprune.procedures): the same call path as the operators ---- */
Herror hprune_read_dl_dataset_classification(const Htuple RawImageFolder, const Htuple LabelSource,
                                             Htuple *DLDataset) {
    return hp_call(OP_P_READ_DL_DATASET_CLASSIFICATION, NULL, NULL, IN(RawImageFolder, LabelSource), OUT(DLDataset));
}

Herror hprune_split_dl_dataset(const Htuple DLDataset, const Htuple TrainingPercent, const Htuple ValidationPercent,
                               const Htuple GenParam) {
    return hp_call(OP_P_SPLIT_DL_DATASET, NULL, NULL, IN(DLDataset, TrainingPercent, ValidationPercent, GenParam),
                   NULL);
}

Herror hprune_create_dl_preprocess_param(const Htuple DLModelType, const Htuple ImageWidth, const Htuple ImageHeight,
                                         const Htuple ImageNumChannels, const Htuple ImageRangeMin,
                                         const Htuple ImageRangeMax, const Htuple NormalizationType,
                                         const Htuple DomainHandling, const Htuple IgnoreClassIDs,
                                         const Htuple SetBackgroundID, const Htuple ClassIDsBackground,
                                         const Htuple GenParam, Htuple *DLPreprocessParam) {
    return hp_call(OP_P_CREATE_DL_PREPROCESS_PARAM, NULL, NULL,
                   IN(DLModelType, ImageWidth, ImageHeight, ImageNumChannels, ImageRangeMin, ImageRangeMax,
                      NormalizationType, DomainHandling, IgnoreClassIDs, SetBackgroundID, ClassIDsBackground, GenParam),
                   OUT(DLPreprocessParam));
}

Herror hprune_create_dl_preprocess_param_from_model(const Htuple DLModelHandle, const Htuple NormalizationType,
                                                    const Htuple DomainHandling, const Htuple SetBackgroundID,
                                                    const Htuple ClassIDsBackground, const Htuple GenParam,
                                                    Htuple *DLPreprocessParam) {
    return hp_call(OP_P_CREATE_DL_PREPROCESS_PARAM_FROM_MODEL, NULL, NULL,
                   IN(DLModelHandle, NormalizationType, DomainHandling, SetBackgroundID, ClassIDsBackground, GenParam),
                   OUT(DLPreprocessParam));
}

Herror hprune_check_dl_preprocess_param(const Htuple DLPreprocessParam) {
    return hp_call(OP_P_CHECK_DL_PREPROCESS_PARAM, NULL, NULL, IN(DLPreprocessParam), NULL);
}

Herror hprune_preprocess_dl_dataset(const Htuple DLDataset, const Htuple DataDirectory,
                                    const Htuple DLPreprocessParam, const Htuple GenParam,
                                    Htuple *DLDatasetFileName) {
    return hp_call(OP_P_PREPROCESS_DL_DATASET, NULL, NULL, IN(DLDataset, DataDirectory, DLPreprocessParam, GenParam),
                   OUT(DLDatasetFileName));
}

Herror hprune_preprocess_dl_samples(const Htuple DLSampleBatch, const Htuple DLPreprocessParam) {
    return hp_call(OP_P_PREPROCESS_DL_SAMPLES, NULL, NULL, IN(DLSampleBatch, DLPreprocessParam), NULL);
}

Herror hprune_preprocess_dl_model_images(const Hobject Images, Hobject *ImagesPreprocessed,
                                         const Htuple DLPreprocessParam) {
    return hp_call(OP_P_PREPROCESS_DL_MODEL_IMAGES, OBJ_IN(Images), OBJ_OUT(ImagesPreprocessed),
                   IN(DLPreprocessParam), NULL);
}

Herror hprune_gen_dl_samples_from_images(const Hobject Images, Htuple *DLSampleBatch) {
    return hp_call(OP_P_GEN_DL_SAMPLES_FROM_IMAGES, OBJ_IN(Images), NULL, NULL, OUT(DLSampleBatch));
}

Herror hprune_find_dl_samples(const Htuple Samples, const Htuple KeyName, const Htuple KeyValue, const Htuple Mode,
                              Htuple *SampleIndices) {
    return hp_call(OP_P_FIND_DL_SAMPLES, NULL, NULL, IN(Samples, KeyName, KeyValue, Mode), OUT(SampleIndices));
}

Herror hprune_read_dl_samples(const Htuple DLDataset, const Htuple SampleIndices, Htuple *DLSampleBatch) {
    return hp_call(OP_P_READ_DL_SAMPLES, NULL, NULL, IN(DLDataset, SampleIndices), OUT(DLSampleBatch));
}

Herror hprune_gen_dl_samples(const Htuple DLDataset, const Htuple SampleIndices, const Htuple RestrictKeysDLSample,
                             const Htuple GenParam, Htuple *DLSampleBatch) {
    return hp_call(OP_P_GEN_DL_SAMPLES, NULL, NULL, IN(DLDataset, SampleIndices, RestrictKeysDLSample, GenParam),
                   OUT(DLSampleBatch));
}

Herror hprune_write_dl_samples(const Htuple DLDataset, const Htuple SampleIndices, const Htuple DLSampleBatch,
                               const Htuple GenParamName, const Htuple GenParamValue) {
    return hp_call(OP_P_WRITE_DL_SAMPLES, NULL, NULL,
                   IN(DLDataset, SampleIndices, DLSampleBatch, GenParamName, GenParamValue), NULL);
}

Herror hprune_create_dl_train_param(const Htuple DLModelHandle, const Htuple NumEpochs,
                                    const Htuple EvaluationIntervalEpochs, const Htuple EnableDisplay,
                                    const Htuple RandomSeed, const Htuple GenParamName, const Htuple GenParamValue,
                                    Htuple *TrainParam) {
    return hp_call(OP_P_CREATE_DL_TRAIN_PARAM, NULL, NULL,
                   IN(DLModelHandle, NumEpochs, EvaluationIntervalEpochs, EnableDisplay, RandomSeed, GenParamName,
                      GenParamValue),
                   OUT(TrainParam));
}

Herror hprune_train_dl_model(const Htuple DLDataset, const Htuple DLModelHandle, const Htuple TrainParam,
                             const Htuple StartEpoch, Htuple *TrainResults, Htuple *TrainInfos,
                             Htuple *EvaluationInfos) {
    return hp_call(OP_P_TRAIN_DL_MODEL, NULL, NULL, IN(DLDataset, DLModelHandle, TrainParam, StartEpoch),
                   OUT(TrainResults, TrainInfos, EvaluationInfos));
}

Herror hprune_create_evaluation_default_param(const Htuple EvaluationType, const Htuple ClassIDsModel,
                                              Htuple *EvalParams) {
    return hp_call(OP_P_CREATE_EVALUATION_DEFAULT_PARAM, NULL, NULL, IN(EvaluationType, ClassIDsModel),
                   OUT(EvalParams));
}

Herror hprune_evaluate_dl_model(const Htuple DLDataset, const Htuple DLModelHandle, const Htuple SampleSelectMethod,
                                const Htuple SampleSelectValues, const Htuple GenParam, Htuple *EvaluationResult,
                                Htuple *EvalParams) {
    return hp_call(OP_P_EVALUATE_DL_MODEL, NULL, NULL,
                   IN(DLDataset, DLModelHandle, SampleSelectMethod, SampleSelectValues, GenParam),
                   OUT(EvaluationResult, EvalParams));
}

Herror hprune_list_image_files(const Htuple ImageDirectory, const Htuple Extensions, const Htuple Options,
                               Htuple *ImageFiles) {
    return hp_call(OP_P_LIST_IMAGE_FILES, NULL, NULL, IN(ImageDirectory, Extensions, Options), OUT(ImageFiles));
}
