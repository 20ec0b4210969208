/*
 * HALCON's pruning program for a classifier, in the C that HDevelop exports: Htuple hv_ variables, the operators as
 * T_ calls of HalconC.h, HALCON's standard procedures as the library's hprune_ functions (HALCON's export would carry
 * their bodies; hprune offers them ready). Line by line it is examples/src/main/java/dev/hprune/examples/
 * PruneClassifier.java, and it prints the same lines: read the images of a folder (one subfolder per class), split
 * them, preprocess them for the model, score the kernels with 'oracle' over the training samples, prune, retrain,
 * evaluate on the test split, write the pruned model.
 *
 * Usage: prune_classifier RawImageFolder ModelFile DataDirectory PrunedModelFile [Percentage NumEpochs Seed]
 *
 * Training and evaluation need an execution backend on the class path of the JVM the library starts: the build
 * writes one (TensorFlow's) to hprune-classpath.txt next to the program's copy of libhprune_c.so. Every tuple is
 * destroyed and every handle cleared at the end.
 */
#include <stdio.h>
#include <stdlib.h>

#include "HalconC.h"

/* Stops on a failed call, printing HALCON's number and hprune's text. */
#define CHECK(call)                                                                            \
    do {                                                                                       \
        Herror rc_ = (call);                                                                   \
        if (rc_ != H_MSG_TRUE) {                                                               \
            fprintf(stderr, "FAILED %s: %d %s\n", #call, (int) rc_, hprune_last_error_text()); \
            exit(1);                                                                           \
        }                                                                                      \
    } while (0)

/* The constant tuples HDevelop's export creates for literals; the caller destroys each. */
static Htuple tuple_s(const char *value) {
    Htuple t;
    CHECK(create_tuple_s(&t, value));
    return t;
}

static Htuple tuple_i(Hlong value) {
    Htuple t;
    CHECK(create_tuple_i(&t, value));
    return t;
}

static Htuple tuple_d(double value) {
    Htuple t;
    CHECK(create_tuple_d(&t, value));
    return t;
}

static Htuple tuple_empty(void) {
    Htuple t;
    CHECK(create_tuple(&t, 0));
    return t;
}

/* Dict[Key] := Value for a literal key; the value tuple stays the caller's. */
static void set_dict_value(const Htuple hv_Dict, const char *key, const Htuple hv_Value) {
    Htuple hv_Key = tuple_s(key);
    CHECK(T_set_dict_tuple(hv_Dict, hv_Key, hv_Value));
    destroy_tuple(hv_Key);
}

/* EvaluationResult.global.top1_error, as HDevelop's dict expressions read it. */
static void top1_error(const Htuple hv_EvaluationResult, Htuple *hv_Top1Error) {
    Htuple hv_GlobalKey = tuple_s("global"), hv_ErrorKey = tuple_s("top1_error"), hv_Global;
    CHECK(T_get_dict_tuple(hv_EvaluationResult, hv_GlobalKey, &hv_Global));
    CHECK(T_get_dict_tuple(hv_Global, hv_ErrorKey, hv_Top1Error));
    destroy_tuple(hv_Global), destroy_tuple(hv_ErrorKey), destroy_tuple(hv_GlobalKey);
}

/* Label + Value$'.4f': formatted by tuple_string, the operator the Java program formats with, so the two print the
 * same text for the same number. */
static void print_real(const char *label, const Htuple hv_Value) {
    Htuple hv_Format = tuple_s(".4f"), hv_Text;
    CHECK(T_tuple_string(hv_Value, hv_Format, &hv_Text));
    printf("%s%s\n", label, get_s(hv_Text, 0));
    fflush(stdout);
    destroy_tuple(hv_Text), destroy_tuple(hv_Format);
}

/* The program; the two top-1 errors on the test split (after pruning, after retraining) are its outputs. */
static void action(const Htuple hv_RawImageFolder, const Htuple hv_ModelFile, const Htuple hv_DataDirectory,
                   const Htuple hv_PrunedModelFile, const Htuple hv_Percentage, const Htuple hv_NumEpochs,
                   const Htuple hv_Seed, Htuple *hv_Top1ErrorPruned, Htuple *hv_Top1ErrorRetrained) {
    Htuple hv_BatchSize = tuple_i(32);
    Htuple hv_TrainingPercent = tuple_i(80);
    Htuple hv_ValidationPercent = tuple_i(0);
    Htuple hv_Empty = tuple_empty();

    /* The data set: one subfolder per class, split with a fixed seed. */
    Htuple hv_LabelSource = tuple_s("last_folder"), hv_DLDataset;
    CHECK(hprune_read_dl_dataset_classification(hv_RawImageFolder, hv_LabelSource, &hv_DLDataset));
    Htuple hv_SeedRand = tuple_s("seed_rand");
    CHECK(T_set_system(hv_SeedRand, hv_Seed));
    CHECK(hprune_split_dl_dataset(hv_DLDataset, hv_TrainingPercent, hv_ValidationPercent, hv_Empty));

    /* The model, and the data preprocessed for it (one sample file per image under DataDirectory). */
    Htuple hv_DLModelHandle, hv_BatchSizeName = tuple_s("batch_size");
    CHECK(T_read_dl_model(hv_ModelFile, &hv_DLModelHandle));
    CHECK(T_set_dl_model_param(hv_DLModelHandle, hv_BatchSizeName, hv_BatchSize));
    Htuple hv_NormalizationType = tuple_s("none"), hv_DomainHandling = tuple_s("full_domain");
    Htuple hv_DLPreprocessParam;
    CHECK(hprune_create_dl_preprocess_param_from_model(hv_DLModelHandle, hv_NormalizationType, hv_DomainHandling,
                                                       hv_Empty, hv_Empty, hv_Empty, &hv_DLPreprocessParam));
    Htuple hv_PreprocessGenParam, hv_True = tuple_s("true"), hv_Zero = tuple_i(0);
    CHECK(T_create_dict(&hv_PreprocessGenParam));
    set_dict_value(hv_PreprocessGenParam, "overwrite_files", hv_True);
    set_dict_value(hv_PreprocessGenParam, "show_progress", hv_Zero);
    Htuple hv_DLDatasetFileName;
    CHECK(hprune_preprocess_dl_dataset(hv_DLDataset, hv_DataDirectory, hv_DLPreprocessParam, hv_PreprocessGenParam,
                                       &hv_DLDatasetFileName));

    /* Pruning: oracle scores summed over the training samples, batch by batch. */
    Htuple hv_PruningGenParam, hv_Mode = tuple_s("oracle"), hv_DLPruningHandle;
    CHECK(T_create_dict(&hv_PruningGenParam));
    set_dict_value(hv_PruningGenParam, "percentage", hv_Percentage);
    CHECK(T_create_dl_pruning(hv_DLModelHandle, hv_Mode, hv_PruningGenParam, &hv_DLPruningHandle));
    Htuple hv_SamplesKey = tuple_s("samples"), hv_Samples;
    CHECK(T_get_dict_tuple(hv_DLDataset, hv_SamplesKey, &hv_Samples));
    Htuple hv_Split = tuple_s("split"), hv_Train = tuple_s("train"), hv_Match = tuple_s("match"), hv_TrainIndices;
    CHECK(hprune_find_dl_samples(hv_Samples, hv_Split, hv_Train, hv_Match, &hv_TrainIndices));
    Htuple hv_NumTrain;
    CHECK(T_tuple_length(hv_TrainIndices, &hv_NumTrain));
    for (Hlong hv_Start = 0; hv_Start < get_i(hv_NumTrain, 0); hv_Start += get_i(hv_BatchSize, 0)) {
        Hlong hv_End = hv_Start + get_i(hv_BatchSize, 0);
        if (hv_End > get_i(hv_NumTrain, 0)) {
            hv_End = get_i(hv_NumTrain, 0);
        }
        Htuple hv_First = tuple_i(hv_Start), hv_Last = tuple_i(hv_End - 1);
        Htuple hv_BatchIndices, hv_DLSampleBatch;
        CHECK(T_tuple_select_range(hv_TrainIndices, hv_First, hv_Last, &hv_BatchIndices));
        CHECK(hprune_read_dl_samples(hv_DLDataset, hv_BatchIndices, &hv_DLSampleBatch));
        CHECK(T_add_dl_pruning_batch(hv_DLModelHandle, hv_DLPruningHandle, hv_DLSampleBatch));
        /* the batch tuple holds the last references to its sample dicts */
        destroy_tuple(hv_DLSampleBatch), destroy_tuple(hv_BatchIndices), destroy_tuple(hv_Last),
            destroy_tuple(hv_First);
    }
    Htuple hv_DLModelPruned;
    CHECK(T_gen_dl_pruned_model(hv_DLModelHandle, hv_DLPruningHandle, &hv_DLModelPruned));
    Htuple hv_PrunedName = tuple_s("pruned_kernel_num"), hv_PrunableName = tuple_s("prunable_kernel_num");
    Htuple hv_PrunedKernels, hv_PrunableKernels;
    CHECK(T_get_dl_pruning_param(hv_DLPruningHandle, hv_PrunedName, &hv_PrunedKernels));
    CHECK(T_get_dl_pruning_param(hv_DLPruningHandle, hv_PrunableName, &hv_PrunableKernels));
    printf("pruned %ld of %ld kernels\n", get_i(hv_PrunedKernels, 0), get_i(hv_PrunableKernels, 0));

    Htuple hv_Test = tuple_s("test"), hv_EvaluationResult, hv_EvalParams;
    CHECK(hprune_evaluate_dl_model(hv_DLDataset, hv_DLModelPruned, hv_Split, hv_Test, hv_Empty, &hv_EvaluationResult,
                                   &hv_EvalParams));
    top1_error(hv_EvaluationResult, hv_Top1ErrorPruned);
    print_real("top-1 error after pruning: ", *hv_Top1ErrorPruned);

    /* Retraining the pruned model; no evaluation during training, so no model file is written on the way. */
    Htuple hv_False = tuple_s("false"), hv_TrainParam;
    CHECK(hprune_create_dl_train_param(hv_DLModelPruned, hv_NumEpochs, hv_Zero, hv_False, hv_Seed, hv_Empty,
                                       hv_Empty, &hv_TrainParam));
    Htuple hv_TrainResults, hv_TrainInfos, hv_EvaluationInfos;
    CHECK(hprune_train_dl_model(hv_DLDataset, hv_DLModelPruned, hv_TrainParam, hv_Zero, &hv_TrainResults,
                                &hv_TrainInfos, &hv_EvaluationInfos));
    /* outputs overwrite without destroying: the first evaluation's tuples go first */
    destroy_tuple(hv_EvaluationResult), destroy_tuple(hv_EvalParams);
    CHECK(hprune_evaluate_dl_model(hv_DLDataset, hv_DLModelPruned, hv_Split, hv_Test, hv_Empty, &hv_EvaluationResult,
                                   &hv_EvalParams));
    top1_error(hv_EvaluationResult, hv_Top1ErrorRetrained);
    print_real("top-1 error after retraining: ", *hv_Top1ErrorRetrained);

    CHECK(T_write_dl_model(hv_DLModelPruned, hv_PrunedModelFile));
    CHECK(T_clear_handle(hv_DLPruningHandle));
    CHECK(T_clear_dl_model(hv_DLModelPruned));
    CHECK(T_clear_dl_model(hv_DLModelHandle));

    destroy_tuple(hv_EvaluationInfos), destroy_tuple(hv_TrainInfos), destroy_tuple(hv_TrainResults);
    destroy_tuple(hv_TrainParam), destroy_tuple(hv_False);
    destroy_tuple(hv_EvalParams), destroy_tuple(hv_EvaluationResult), destroy_tuple(hv_Test);
    destroy_tuple(hv_PrunableKernels), destroy_tuple(hv_PrunedKernels), destroy_tuple(hv_PrunableName),
        destroy_tuple(hv_PrunedName);
    destroy_tuple(hv_DLModelPruned), destroy_tuple(hv_NumTrain), destroy_tuple(hv_TrainIndices);
    destroy_tuple(hv_Match), destroy_tuple(hv_Train), destroy_tuple(hv_Split);
    destroy_tuple(hv_Samples), destroy_tuple(hv_SamplesKey), destroy_tuple(hv_DLPruningHandle),
        destroy_tuple(hv_Mode), destroy_tuple(hv_PruningGenParam);
    destroy_tuple(hv_DLDatasetFileName), destroy_tuple(hv_Zero), destroy_tuple(hv_True),
        destroy_tuple(hv_PreprocessGenParam);
    destroy_tuple(hv_DLPreprocessParam), destroy_tuple(hv_DomainHandling), destroy_tuple(hv_NormalizationType);
    destroy_tuple(hv_BatchSizeName), destroy_tuple(hv_DLModelHandle);
    destroy_tuple(hv_SeedRand), destroy_tuple(hv_DLDataset), destroy_tuple(hv_LabelSource);
    destroy_tuple(hv_Empty), destroy_tuple(hv_ValidationPercent), destroy_tuple(hv_TrainingPercent),
        destroy_tuple(hv_BatchSize);
}

int main(int argc, char **argv) {
    if (argc != 5 && argc != 8) {
        fprintf(stderr, "usage: prune_classifier RawImageFolder ModelFile DataDirectory PrunedModelFile "
                        "[Percentage NumEpochs Seed]\n");
        return 2;
    }
    Htuple hv_Percentage = tuple_d(argc == 8 ? strtod(argv[5], NULL) : 50.0);
    Htuple hv_NumEpochs = tuple_i(argc == 8 ? strtol(argv[6], NULL, 10) : 2);
    Htuple hv_Seed = tuple_i(argc == 8 ? strtol(argv[7], NULL, 10) : 42);
    Htuple hv_RawImageFolder = tuple_s(argv[1]), hv_ModelFile = tuple_s(argv[2]), hv_DataDirectory = tuple_s(argv[3]),
           hv_PrunedModelFile = tuple_s(argv[4]);
    Htuple hv_Top1ErrorPruned, hv_Top1ErrorRetrained;
    action(hv_RawImageFolder, hv_ModelFile, hv_DataDirectory, hv_PrunedModelFile, hv_Percentage, hv_NumEpochs,
           hv_Seed, &hv_Top1ErrorPruned, &hv_Top1ErrorRetrained);
    destroy_tuple(hv_Top1ErrorRetrained), destroy_tuple(hv_Top1ErrorPruned);
    destroy_tuple(hv_PrunedModelFile), destroy_tuple(hv_DataDirectory), destroy_tuple(hv_ModelFile),
        destroy_tuple(hv_RawImageFolder);
    destroy_tuple(hv_Seed), destroy_tuple(hv_NumEpochs), destroy_tuple(hv_Percentage);
    return 0;
}
