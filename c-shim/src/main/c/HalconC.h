/*
 * HalconC.h -- hprune's subset of HALCON's C interface (HALCON/C), for C and C++ programs and for FFI callers
 * (Python ctypes, ...). Names, argument order and return codes are HALCON's, so existing HALCON/C sources that use
 * these operators compile unchanged. Every T_ operator is a thin call into the Java operator of the same name
 * (dev.hprune.halcon.HOperatorSet); no semantics live in C.
 *
 * OWNERSHIP (who frees what)
 *  - Htuple: created by create_tuple*, copy_tuple, or by an operator for each of its output tuples. Whoever receives
 *    a tuple destroys it once with destroy_tuple. Input tuples are only read; the operator keeps no reference.
 *    Output parameters (Htuple*) are always created by the operator: pass the address of an Htuple variable that holds
 *    no tuple you still need (it is overwritten, not destroyed). After a failed call every output is NULL;
 *    destroy_tuple(NULL) does nothing, so "destroy everything at the end" is always correct.
 *  - Strings: set_s/create_tuple_s/reuse_tuple_s copy the string. get_s returns a pointer into the tuple, valid until
 *    that element is changed or the tuple is destroyed.
 *  - Handles (HANDLE_PAR elements) carry the number of a handle on the Java side. A handle lives while it is cleared by
 *    no one and at least one tuple holds it (each tuple element is one reference, as in HALCON: destroy_tuple drops the
 *    tuple's references, copy_tuple/set_h add one). T_clear_handle / T_clear_dl_model release the resource at once;
 *    later use raises H_ERR_HANDLE_CLEARED (2454). Handles stored in a dict stay alive with the dict.
 *  - Hobject: a number naming an iconic object (image tuple) kept on the Java side until clear_obj. Operators create
 *    their output objects; the caller clears each with clear_obj. Input objects are only read.
 *  - Error text: hprune_last_error_text() returns a thread-local buffer owned by the library.
 *
 * THREADS: every function may be called from any thread; the library attaches the thread to the JVM as needed.
 * A tuple or object must not be changed by one thread while another uses it (as in HALCON).
 *
 * JVM: the first operator call starts the bridge. In a Java process (JNA) it uses the running JVM; otherwise it
 * starts one with the JNI invocation API: libjvm from $HPRUNE_LIBJVM, $JAVA_HOME or the `java` on PATH; class path
 * from $HPRUNE_CLASSPATH, else the file hprune-classpath.txt next to this library; extra JVM options from
 * $HPRUNE_JVM_OPTS (separated by blanks). If that fails, operators return H_ERR_DL_INTERNAL with the reason as text.
 */
#ifndef HPRUNE_HALCON_C_H
#define HPRUNE_HALCON_C_H

#ifdef __cplusplus
extern "C" {
#endif

/* ---- basic types ---- */
typedef long Hlong;          /* HALCON's integer: 64 bits on 64-bit Linux */
typedef int Herror;          /* an operator's return value: H_MSG_TRUE or an error number */
typedef void *Hkey;          /* an iconic object, as the number of a Java-side object */
typedef Hkey Hobject;
typedef Hlong Hphandle;      /* a handle element: the Java handle's number (0 is the NULL handle) */

/* The control tuple. Opaque: use the functions below. */
typedef struct hprune_tuple *Htuple;

/* ---- element and tuple types (tuple_type codes) ---- */
#define UNDEF_PAR 0
#define LONG_PAR 1
#define INT_PAR LONG_PAR
#define DOUBLE_PAR 2
#define FLOAT_PAR DOUBLE_PAR
#define STRING_PAR 4
#define MIXED_PAR 8
#define HANDLE_PAR 16
#define ANY_PAR 31           /* the type of an empty tuple */

/* Buffer size for get_error_text. */
#define MAX_STRING 1024

/* ---- return codes ---- */
#define H_MSG_TRUE 2
#define H_MSG_OK H_MSG_TRUE
#define H_MSG_FALSE 3
#define H_MSG_VOID 4
#define H_MSG_FAIL 5

/* ---- HALCON error numbers hprune raises ---- */
#define H_ERR_WIPT1 1201     /* wrong type of control parameter N: 1200 + N */
#define H_ERR_WIPV1 1301     /* wrong value of control parameter N: 1300 + N */
#define H_ERR_WIPN1 1401     /* wrong number of values of control parameter N: 1400 + N */
#define H_ERR_WION1 1501     /* wrong number of values of object parameter N: 1500 + N */
#define H_ERR_WIPT(n) (1200 + (n))
#define H_ERR_WIPV(n) (1300 + (n))
#define H_ERR_WIPN(n) (1400 + (n))
#define H_ERR_WGW 2106                 /* wrong image width */
#define H_ERR_WGH 2107                 /* wrong image height */
#define H_ERR_TUPLE_ACCESS_TYPE 2400   /* tuple element has another type */
#define H_ERR_TUPLE_ACCESS_INDEX 2402  /* index outside the tuple */
#define H_ERR_WRONG_HANDLE_TYPE 2404
#define H_ERR_UNKNOWN_HANDLE 2450
#define H_ERR_HANDLE_NULL 2453
#define H_ERR_HANDLE_CLEARED 2454
#define H_ERR_HANDLE_NOSER 2455        /* handle type does not serialize */
#define H_ERR_HANDLE_CYCLES 2456       /* reference cycles of handles found */
#define H_ERR_CONTROL_EXPECTED 2460
#define H_ERR_ICONIC_EXPECTED 2461
#define H_ERR_DICT_KEY 2894
#define H_ERR_DICT_TUPLE_LENGTH 2895
#define H_ERR_DICT_TUPLE_TYPE 2896
#define H_ERR_DICT_INVALID_INDEX 2897
#define H_ERR_INPUT_OBJECT_NOT_INIT 2953
#define H_ERR_INPUT_CONTROL_NOT_INIT 2954
#define H_ERR_OUTPUT_OBJECT_NOT_INIT 2955
#define H_ERR_OUTPUT_CONTROL_NOT_INIT 2956
#define H_ERR_IMAGE_SIZES 3117
#define H_ERR_CHANNEL_COUNTS 3122
#define H_ERR_CHANNEL_NUM 3359
#define H_ERR_FNF 5200                 /* file not found */
#define H_ERR_IMAGE_DATA 5203
#define H_ERR_EDWF 5212                /* error while writing to file */
#define H_ERR_WFF 5238                 /* wrong file format */
#define H_ERR_EDRF 5250                /* error reading file */
#define H_ERR_DL_INTERNAL 7779
#define H_ERR_DL_FILE_READ 7780
#define H_ERR_DL_FILE_WRITE 7781
#define H_ERR_DL_FILE_VERSION 7782
#define H_ERR_DL_INPUTS_MISSING 7783
#define H_ERR_DL_INPUT_WRONG_BS 7784
#define H_ERR_DL_INVALID_NAME 7785
#define H_ERR_DL_PARAM_NOT_AVAILABLE 7788
#define H_ERR_DL_TUPLE_LENGTH 7789
#define H_ERR_DL_TUPLE_TYPE 7790
#define H_ERR_DL_TUPLE_VALUES 7791
#define H_ERR_DL_CLASS_IDS_NOT_UNIQUE 7792
#define H_ERR_DL_BATCH_MULTIPLIER 7800
#define H_ERR_DL_READ_ONNX 7801
#define H_ERR_DL_NO_CLASS_IDS 7802
#define H_ERR_DL_WRITE_ONNX 7803
#define H_ERR_DL_UNSUPPORTED_GENPARAM 7911
#define H_ERR_DL_MODEL_NOT_SUPPORTED 7912
#define H_ERR_DL_RUNTIME 7913
#define H_ERR_DL_UNSUPPORTED_GENVALUE 7914
#define H_ERR_DL_INVALID_NUM_SAMPLES 7915
#define H_ERR_DL_PRUNING_WRONG_DATA 7980
#define H_ERR_DL_PRUNING_UNSUPPORTED_BY_CNN 7981

/* ---- tuples (0-based indices) ---- */
/* A tuple of `length` elements of undefined type (UNDEF_PAR) until set. */
Herror create_tuple(Htuple *tuple, Hlong length);
/* A tuple of `length` elements of `type` (LONG_PAR, DOUBLE_PAR, STRING_PAR, HANDLE_PAR), each 0, 0.0, "" or NULL. */
Herror create_tuple_type(Htuple *tuple, Hlong length, int type);
Herror create_tuple_i(Htuple *tuple, Hlong value);
Herror create_tuple_d(Htuple *tuple, double value);
Herror create_tuple_s(Htuple *tuple, const char *value);
Herror create_tuple_h(Htuple *tuple, Hphandle value);
/* Destroy *tuple (if not NULL) and create a one-element tuple in its place. */
Herror reuse_tuple_i(Htuple *tuple, Hlong value);
Herror reuse_tuple_d(Htuple *tuple, double value);
Herror reuse_tuple_s(Htuple *tuple, const char *value);
/* Set element `index` (0 <= index < length); returns H_ERR_TUPLE_ACCESS_INDEX otherwise. */
Herror set_i(Htuple tuple, Hlong value, Hlong index);
Herror set_d(Htuple tuple, double value, Hlong index);
Herror set_s(Htuple tuple, const char *value, Hlong index);
Herror set_h(Htuple tuple, Hphandle value, Hlong index);
/* Element access. A type mismatch or a bad index yields 0, 0.0, "" or 0 (see get_type). get_d converts LONG_PAR. */
Hlong get_i(const Htuple tuple, Hlong index);
double get_d(const Htuple tuple, Hlong index);
const char *get_s(const Htuple tuple, Hlong index);
Hphandle get_h(const Htuple tuple, Hlong index);
/* The element's type; UNDEF_PAR for a bad index. */
int get_type(const Htuple tuple, Hlong index);
/* The tuple's type: the common element type, MIXED_PAR, or ANY_PAR when empty. */
int get_tuple_type(const Htuple tuple);
Hlong length_tuple(const Htuple tuple);
/* Frees the tuple and its strings and drops its handle references; NULL is ignored. */
Herror destroy_tuple(Htuple tuple);
Herror copy_tuple(const Htuple input, Htuple *output);
/* Grows (new elements UNDEF_PAR) or shrinks the tuple in place. */
Herror resize_tuple(Htuple tuple, Hlong length);

/* ---- iconic objects ---- */
Herror count_obj(const Hobject objects, Hlong *number);
/* Releases the object; NULL is ignored. Each Hobject an operator returned is cleared once. */
Herror clear_obj(Hobject objects);

/* ---- errors ---- */
/* The full text of the last failed call on this thread ("" if none): number, standard text, operator, detail. */
const char *hprune_last_error_text(void);
/* The number of the last failed call on this thread (H_MSG_TRUE if none). */
Herror hprune_last_error_code(void);
/* HALCON's standard text of an error number into `text` (at least MAX_STRING bytes). */
Herror get_error_text(Hlong error_code, char *text);
Herror T_get_error_text(const Htuple ErrorCode, Htuple *ErrorText);

/* ---- the operator list (for the C++ and Python interfaces; generated from this header at build time) ---- */
/* One line per operator: its C symbol, then a word per parameter in HALCON's order: o:Name iconic input,
 * O:Name iconic output, t:Name control input, T:Name control output. The string is static. */
const char *hprune_operator_signatures(void);

/* ---- handles ---- */
Herror T_clear_handle(const Htuple Handle);

/* ---- dicts ---- */
Herror T_create_dict(Htuple *DictHandle);
Herror T_set_dict_tuple(const Htuple DictHandle, const Htuple Key, const Htuple Tuple);
Herror T_get_dict_tuple(const Htuple DictHandle, const Htuple Key, Htuple *Tuple);
Herror T_set_dict_object(const Hobject Object, const Htuple DictHandle, const Htuple Key);
Herror T_get_dict_object(Hobject *Object, const Htuple DictHandle, const Htuple Key);
Herror T_get_dict_param(const Htuple DictHandle, const Htuple GenParamName, const Htuple Key,
                        Htuple *GenParamValue);
Herror T_remove_dict_key(const Htuple DictHandle, const Htuple Key);
/* hprune's binary .hdict (not HALCON's) or JSON; H_ERR_WFF for a file that is neither */
Herror T_read_dict(const Htuple FileName, const Htuple GenParamName, const Htuple GenParamValue,
                   Htuple *DictHandle);
Herror T_write_dict(const Htuple DictHandle, const Htuple FileName, const Htuple GenParamName,
                    const Htuple GenParamValue);
Herror T_copy_dict(const Htuple DictHandle, const Htuple GenParamName, const Htuple GenParamValue,
                   Htuple *CopiedDictHandle);

/* ---- images ---- */
Herror T_read_image(Hobject *Image, const Htuple FileName);
Herror T_gen_image_const(Hobject *Image, const Htuple Type, const Htuple Width, const Htuple Height);
/* Pixel data is copied from the caller's buffer: Width*Height values of Type ('byte': unsigned char, 'real': float),
 * row after row; the pointer is passed as an integer, as in HALCON. */
Herror T_gen_image1(Hobject *Image, const Htuple Type, const Htuple Width, const Htuple Height,
                    const Htuple PixelPointer);
Herror T_gen_image3(Hobject *ImageRGB, const Htuple Type, const Htuple Width, const Htuple Height,
                    const Htuple PixelPointerRed, const Htuple PixelPointerGreen, const Htuple PixelPointerBlue);
Herror T_get_image_size(const Hobject Image, Htuple *Width, Htuple *Height);
Herror T_count_channels(const Hobject MultiChannelImage, Htuple *Channels);
Herror T_zoom_image_size(const Hobject Image, Hobject *ImageZoom, const Htuple Width, const Htuple Height,
                         const Htuple Interpolation);
Herror T_convert_image_type(const Hobject Image, Hobject *ImageConverted, const Htuple NewType);
Herror T_compose3(const Hobject Image1, const Hobject Image2, const Hobject Image3, Hobject *MultiChannelImage);
Herror T_decompose3(const Hobject MultiChannelImage, Hobject *Image1, Hobject *Image2, Hobject *Image3);

/* ---- preprocessing image operators (a domain is a rectangle; a region object is one rectangle) ---- */
Herror T_scale_image(const Hobject Image, Hobject *ImageScaled, const Htuple Mult, const Htuple Add);
Herror rgb1_to_gray(const Hobject RGBImage, Hobject *GrayImage);
Herror T_access_channel(const Hobject MultiChannelImage, Hobject *Image, const Htuple Channel);
Herror append_channel(const Hobject MultiChannelImage, const Hobject Image, Hobject *ImageExtended);
Herror T_get_image_type(const Hobject Image, Htuple *Type);
Herror copy_image(const Hobject Image, Hobject *DupImage);
Herror T_min_max_gray(const Hobject Regions, const Hobject Image, const Htuple Percent, Htuple *Min, Htuple *Max,
                      Htuple *Range);
/* Pointer addresses a copy of the first channel's pixels ('byte': unsigned char, 'real': float, row after row) that
 * lives as long as the image object; read it, never write or free it. */
Herror T_get_image_pointer1(const Hobject Image, Htuple *Pointer, Htuple *Type, Htuple *Width, Htuple *Height);
Herror full_domain(const Hobject Image, Hobject *ImageFull);
Herror crop_domain(const Hobject Image, Hobject *ImagePart);
Herror T_gen_rectangle1(Hobject *Rectangle, const Htuple Row1, const Htuple Column1, const Htuple Row2,
                        const Htuple Column2);
Herror get_domain(const Hobject Image, Hobject *Domain);
Herror change_domain(const Hobject Image, const Hobject NewDomain, Hobject *ImageNew);

/* ---- deep-learning models ---- */
Herror T_read_dl_model(const Htuple FileName, Htuple *DLModelHandle);
Herror T_write_dl_model(const Htuple DLModelHandle, const Htuple FileName);
Herror T_apply_dl_model(const Htuple DLModelHandle, const Htuple DLSampleBatch, const Htuple Outputs,
                        Htuple *DLResultBatch);
Herror T_train_dl_model_batch(const Htuple DLModelHandle, const Htuple DLSampleBatch, Htuple *DLTrainResult);
Herror T_get_dl_model_param(const Htuple DLModelHandle, const Htuple GenParamName, Htuple *GenParamValue);
Herror T_set_dl_model_param(const Htuple DLModelHandle, const Htuple GenParamName, const Htuple GenParamValue);
Herror T_clear_dl_model(const Htuple DLModelHandle);
Herror T_load_dl_model_weights(const Htuple DLModelHandleSource, const Htuple DLModelHandleTarget,
                               Htuple *ChangesByLayer);
Herror T_query_available_dl_devices(const Htuple GenParamName, const Htuple GenParamValue, Htuple *DLDeviceHandles);
Herror T_get_dl_device_param(const Htuple DLDeviceHandle, const Htuple GenParamName, Htuple *GenParamValue);

/* ---- pruning ---- */
Herror T_create_dl_pruning(const Htuple DLModelHandle, const Htuple Mode, const Htuple GenParam,
                           Htuple *DLPruningHandle);
Herror T_set_dl_pruning_param(const Htuple DLPruningHandle, const Htuple GenParamName, const Htuple GenParamValue);
Herror T_get_dl_pruning_param(const Htuple DLPruningHandle, const Htuple GenParamName, Htuple *GenParamValue);
Herror T_add_dl_pruning_batch(const Htuple DLModelHandleToPrune, const Htuple DLPruningHandle,
                              const Htuple DLSampleBatch);
Herror T_gen_dl_pruned_model(const Htuple DLModelHandleToPrune, const Htuple DLPruningHandle,
                             Htuple *DLModelHandlePruned);
/* hprune's own, beyond HALCON's table: oracle scores that travel between processes (see README) */
Herror T_write_dl_pruning_scores(const Htuple DLPruningHandle, const Htuple FileName);
Herror T_read_dl_pruning_scores(const Htuple DLPruningHandle, const Htuple FileName);
Herror T_add_dl_pruning_scores(const Htuple DLPruningHandle, const Htuple DLPruningHandleOther);

/* ---- tuple operators (0-based indices; errors as the Java operators: dev.hprune.compat.tuple) ---- */
Herror T_tuple_length(const Htuple Tuple, Htuple *Length);
Herror T_tuple_select(const Htuple Tuple, const Htuple Index, Htuple *Selected);
Herror T_tuple_select_range(const Htuple Tuple, const Htuple Leftindex, const Htuple Rightindex, Htuple *Selected);
Herror T_tuple_first_n(const Htuple Tuple, const Htuple Index, Htuple *Selected);
Herror T_tuple_last_n(const Htuple Tuple, const Htuple Index, Htuple *Selected);
Herror T_tuple_find(const Htuple Tuple, const Htuple ToFind, Htuple *Index);
Herror T_tuple_uniq(const Htuple Tuple, Htuple *Uniq);
Herror T_tuple_inverse(const Htuple Tuple, Htuple *Inverted);
Herror T_tuple_concat(const Htuple T1, const Htuple T2, Htuple *Concat);
Herror T_tuple_sort(const Htuple Tuple, Htuple *Sorted);
Herror T_tuple_sort_index(const Htuple Tuple, Htuple *Indices);
Herror T_tuple_gen_sequence(const Htuple Start, const Htuple End, const Htuple Step, Htuple *Sequence);
Herror T_tuple_gen_const(const Htuple Length, const Htuple Const, Htuple *Newtuple);
Herror T_tuple_rand(const Htuple Length, Htuple *Rand);
Herror T_tuple_sum(const Htuple Tuple, Htuple *Sum);
Herror T_tuple_max(const Htuple Tuple, Htuple *Max);
Herror T_tuple_min(const Htuple Tuple, Htuple *Min);
Herror T_tuple_mean(const Htuple Tuple, Htuple *Mean);
Herror T_tuple_round(const Htuple T, Htuple *Round);
Herror T_tuple_int(const Htuple T, Htuple *Int);
Herror T_tuple_real(const Htuple T, Htuple *Real);
Herror T_tuple_string(const Htuple T, const Htuple Format, Htuple *String);
Herror T_tuple_equal(const Htuple T1, const Htuple T2, Htuple *Equal);
Herror T_tuple_regexp_match(const Htuple Data, const Htuple Expression, Htuple *Matches);
Herror T_tuple_split(const Htuple String, const Htuple Separator, Htuple *Substrings);
Herror T_tuple_strstr(const Htuple String, const Htuple ToFind, Htuple *Position);
Herror T_tuple_str_bit_select(const Htuple Tuple, const Htuple Index, Htuple *Selected);
Herror T_tuple_add(const Htuple S1, const Htuple S2, Htuple *Sum);
Herror T_tuple_sub(const Htuple D1, const Htuple D2, Htuple *Diff);
Herror T_tuple_mult(const Htuple P1, const Htuple P2, Htuple *Prod);
Herror T_tuple_div(const Htuple Q1, const Htuple Q2, Htuple *Quot);

/* ---- system: 'seed_rand' seeds hprune's one random source (tuple_rand, tuple_shuffle, ...) ---- */
Herror T_set_system(const Htuple SystemParameter, const Htuple Value);
Herror T_get_system(const Htuple Query, Htuple *Information);

/* ---- files: a missing path is H_ERR_FNF ---- */
Herror T_file_exists(const Htuple FileName, Htuple *FileExists);
Herror T_list_files(const Htuple Directory, const Htuple Options, Htuple *Files);
Herror T_make_dir(const Htuple DirName);
Herror T_remove_dir(const Htuple DirName);
Herror T_delete_file(const Htuple FileName);

/* ---- object tuples (indices count from 1, as HALCON's) ---- */
Herror gen_empty_obj(Hobject *EmptyObject);
Herror concat_obj(const Hobject Objects1, const Hobject Objects2, Hobject *ObjectsConcat);
Herror select_obj(const Hobject Objects, Hobject *ObjectSelected, Hlong Index);
Herror T_select_obj(const Hobject Objects, Hobject *ObjectSelected, const Htuple Index);
Herror T_count_obj(const Hobject Objects, Htuple *Number);
Herror T_replace_obj(const Hobject Objects, const Hobject ObjectsReplace, Hobject *ObjectsResult, const Htuple Index);

/* ---- HALCON's standard procedures (dev.hprune.procedures), exported as HALCON exports procedures to C: inputs
 * const, outputs Htuple * / Hobject *, HALCON's error numbers as Herror. Prefixed hprune_ so that they do not clash
 * with a program's own exported procedures; not part of the generated operator list (no C++/Python wrappers). */
Herror hprune_read_dl_dataset_classification(const Htuple RawImageFolder, const Htuple LabelSource,
                                             Htuple *DLDataset);
Herror hprune_split_dl_dataset(const Htuple DLDataset, const Htuple TrainingPercent, const Htuple ValidationPercent,
                               const Htuple GenParam);
Herror hprune_create_dl_preprocess_param(const Htuple DLModelType, const Htuple ImageWidth, const Htuple ImageHeight,
                                         const Htuple ImageNumChannels, const Htuple ImageRangeMin,
                                         const Htuple ImageRangeMax, const Htuple NormalizationType,
                                         const Htuple DomainHandling, const Htuple IgnoreClassIDs,
                                         const Htuple SetBackgroundID, const Htuple ClassIDsBackground,
                                         const Htuple GenParam, Htuple *DLPreprocessParam);
Herror hprune_create_dl_preprocess_param_from_model(const Htuple DLModelHandle, const Htuple NormalizationType,
                                                    const Htuple DomainHandling, const Htuple SetBackgroundID,
                                                    const Htuple ClassIDsBackground, const Htuple GenParam,
                                                    Htuple *DLPreprocessParam);
Herror hprune_check_dl_preprocess_param(const Htuple DLPreprocessParam);
Herror hprune_preprocess_dl_dataset(const Htuple DLDataset, const Htuple DataDirectory,
                                    const Htuple DLPreprocessParam, const Htuple GenParam,
                                    Htuple *DLDatasetFileName);
Herror hprune_preprocess_dl_samples(const Htuple DLSampleBatch, const Htuple DLPreprocessParam);
Herror hprune_preprocess_dl_model_images(const Hobject Images, Hobject *ImagesPreprocessed,
                                         const Htuple DLPreprocessParam);
Herror hprune_gen_dl_samples_from_images(const Hobject Images, Htuple *DLSampleBatch);
Herror hprune_find_dl_samples(const Htuple Samples, const Htuple KeyName, const Htuple KeyValue, const Htuple Mode,
                              Htuple *SampleIndices);
Herror hprune_read_dl_samples(const Htuple DLDataset, const Htuple SampleIndices, Htuple *DLSampleBatch);
Herror hprune_gen_dl_samples(const Htuple DLDataset, const Htuple SampleIndices, const Htuple RestrictKeysDLSample,
                             const Htuple GenParam, Htuple *DLSampleBatch);
Herror hprune_write_dl_samples(const Htuple DLDataset, const Htuple SampleIndices, const Htuple DLSampleBatch,
                               const Htuple GenParamName, const Htuple GenParamValue);
Herror hprune_create_dl_train_param(const Htuple DLModelHandle, const Htuple NumEpochs,
                                    const Htuple EvaluationIntervalEpochs, const Htuple EnableDisplay,
                                    const Htuple RandomSeed, const Htuple GenParamName, const Htuple GenParamValue,
                                    Htuple *TrainParam);
Herror hprune_train_dl_model(const Htuple DLDataset, const Htuple DLModelHandle, const Htuple TrainParam,
                             const Htuple StartEpoch, Htuple *TrainResults, Htuple *TrainInfos,
                             Htuple *EvaluationInfos);
Herror hprune_create_evaluation_default_param(const Htuple EvaluationType, const Htuple ClassIDsModel,
                                              Htuple *EvalParams);
Herror hprune_evaluate_dl_model(const Htuple DLDataset, const Htuple DLModelHandle, const Htuple SampleSelectMethod,
                                const Htuple SampleSelectValues, const Htuple GenParam, Htuple *EvaluationResult,
                                Htuple *EvalParams);
Herror hprune_list_image_files(const Htuple ImageDirectory, const Htuple Extensions, const Htuple Options,
                               Htuple *ImageFiles);

#ifdef __cplusplus
}
#endif
#endif
