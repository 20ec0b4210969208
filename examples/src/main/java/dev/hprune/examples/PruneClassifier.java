package dev.hprune.examples;

import static dev.hprune.procedures.DlDataset.find_dl_samples;
import static dev.hprune.procedures.DlDataset.read_dl_dataset_classification;
import static dev.hprune.procedures.DlDataset.read_dl_samples;
import static dev.hprune.procedures.DlDataset.split_dl_dataset;
import static dev.hprune.procedures.DlEvaluation.evaluate_dl_model;
import static dev.hprune.procedures.DlPreprocessing.create_dl_preprocess_param_from_model;
import static dev.hprune.procedures.DlPreprocessing.preprocess_dl_dataset;
import static dev.hprune.procedures.DlTraining.create_dl_train_param;
import static dev.hprune.procedures.DlTraining.train_dl_model;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;

/**
 * HALCON's pruning program for a classifier, written as HDevelop exports a program to Java: hv_ variables, operators
 * through HOperatorSet, the standard procedures as static imports. Line by line it is the program of the HALCON
 * documentation: read the images of a folder (one subfolder per class), split them, preprocess them for the model,
 * score the kernels with 'oracle' over the training samples, prune, retrain, evaluate on the test split, write the
 * pruned model.
 *
 * <p>Run it with {@code RawImageFolder ModelFile DataDirectory PrunedModelFile [Percentage NumEpochs Seed]}.
 */
public final class PruneClassifier {
    private PruneClassifier() {}

    public static void main(String[] args) {
        if (args.length != 4 && args.length != 7) {
            System.err.println("usage: PruneClassifier RawImageFolder ModelFile DataDirectory PrunedModelFile "
                    + "[Percentage NumEpochs Seed]");
            System.exit(2);
        }
        HTuple hv_Percentage = new HTuple(args.length == 7 ? Double.parseDouble(args[4]) : 50.0);
        HTuple hv_NumEpochs = new HTuple(args.length == 7 ? Integer.parseInt(args[5]) : 2);
        HTuple hv_Seed = new HTuple(args.length == 7 ? Long.parseLong(args[6]) : 42L);
        HTuple hv_Top1ErrorPruned = new HTuple();
        HTuple hv_Top1ErrorRetrained = new HTuple();
        action(new HTuple(args[0]), new HTuple(args[1]), new HTuple(args[2]), new HTuple(args[3]), hv_Percentage,
                hv_NumEpochs, hv_Seed, hv_Top1ErrorPruned, hv_Top1ErrorRetrained);
    }

    /** The program; the two top-1 errors on the test split (after pruning, after retraining) are its outputs. */
    public static void action(HTuple hv_RawImageFolder, HTuple hv_ModelFile, HTuple hv_DataDirectory,
            HTuple hv_PrunedModelFile, HTuple hv_Percentage, HTuple hv_NumEpochs, HTuple hv_Seed,
            HTuple hv_Top1ErrorPruned, HTuple hv_Top1ErrorRetrained) {
        HTuple hv_BatchSize = new HTuple(32);
        HTuple hv_TrainingPercent = new HTuple(80);
        HTuple hv_ValidationPercent = new HTuple(0);

        // The data set: one subfolder per class, split with a fixed seed.
        HTuple hv_DLDataset = new HTuple();
        read_dl_dataset_classification(hv_RawImageFolder, new HTuple("last_folder"), hv_DLDataset);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), hv_Seed);
        split_dl_dataset(hv_DLDataset, hv_TrainingPercent, hv_ValidationPercent, new HTuple());

        // The model, and the data preprocessed for it (one sample file per image under DataDirectory).
        HTuple hv_DLModelHandle = new HTuple();
        HOperatorSet.ReadDlModel(hv_ModelFile, hv_DLModelHandle);
        HOperatorSet.SetDlModelParam(hv_DLModelHandle, new HTuple("batch_size"), hv_BatchSize);
        HTuple hv_DLPreprocessParam = new HTuple();
        create_dl_preprocess_param_from_model(hv_DLModelHandle, new HTuple("none"), new HTuple("full_domain"),
                new HTuple(), new HTuple(), new HTuple(), hv_DLPreprocessParam);
        HTuple hv_PreprocessGenParam = new HTuple();
        HOperatorSet.CreateDict(hv_PreprocessGenParam);
        HOperatorSet.SetDictTuple(hv_PreprocessGenParam, new HTuple("overwrite_files"), new HTuple("true"));
        HOperatorSet.SetDictTuple(hv_PreprocessGenParam, new HTuple("show_progress"), new HTuple(0));
        HTuple hv_DLDatasetFileName = new HTuple();
        preprocess_dl_dataset(hv_DLDataset, hv_DataDirectory, hv_DLPreprocessParam, hv_PreprocessGenParam,
                hv_DLDatasetFileName);

        // Pruning: oracle scores summed over the training samples, batch by batch.
        HTuple hv_PruningGenParam = new HTuple();
        HOperatorSet.CreateDict(hv_PruningGenParam);
        HOperatorSet.SetDictTuple(hv_PruningGenParam, new HTuple("percentage"), hv_Percentage);
        HTuple hv_DLPruningHandle = new HTuple();
        HOperatorSet.CreateDlPruning(hv_DLModelHandle, new HTuple("oracle"), hv_PruningGenParam, hv_DLPruningHandle);
        HTuple hv_Samples = new HTuple();
        HOperatorSet.GetDictTuple(hv_DLDataset, new HTuple("samples"), hv_Samples);
        HTuple hv_TrainIndices = new HTuple();
        find_dl_samples(hv_Samples, new HTuple("split"), new HTuple("train"), new HTuple("match"), hv_TrainIndices);
        HTuple hv_NumTrain = new HTuple();
        HOperatorSet.TupleLength(hv_TrainIndices, hv_NumTrain);
        for (int hv_Start = 0; hv_Start < hv_NumTrain.getI(); hv_Start += hv_BatchSize.getI()) {
            int hv_End = Math.min(hv_Start + hv_BatchSize.getI(), hv_NumTrain.getI()) - 1;
            HTuple hv_BatchIndices = new HTuple();
            HOperatorSet.TupleSelectRange(hv_TrainIndices, new HTuple(hv_Start), new HTuple(hv_End), hv_BatchIndices);
            HTuple hv_DLSampleBatch = new HTuple();
            read_dl_samples(hv_DLDataset, hv_BatchIndices, hv_DLSampleBatch);
            HOperatorSet.AddDlPruningBatch(hv_DLModelHandle, hv_DLPruningHandle, hv_DLSampleBatch);
        }
        HTuple hv_DLModelPruned = new HTuple();
        HOperatorSet.GenDlPrunedModel(hv_DLModelHandle, hv_DLPruningHandle, hv_DLModelPruned);
        HTuple hv_PrunedKernels = new HTuple();
        HTuple hv_PrunableKernels = new HTuple();
        HOperatorSet.GetDlPruningParam(hv_DLPruningHandle, new HTuple("pruned_kernel_num"), hv_PrunedKernels);
        HOperatorSet.GetDlPruningParam(hv_DLPruningHandle, new HTuple("prunable_kernel_num"), hv_PrunableKernels);
        System.out.println("pruned " + hv_PrunedKernels.getL() + " of " + hv_PrunableKernels.getL() + " kernels");

        HTuple hv_EvaluationResult = new HTuple();
        HTuple hv_EvalParams = new HTuple();
        evaluate_dl_model(hv_DLDataset, hv_DLModelPruned, new HTuple("split"), new HTuple("test"), new HTuple(),
                hv_EvaluationResult, hv_EvalParams);
        top1Error(hv_EvaluationResult, hv_Top1ErrorPruned);
        // Top1Error$'.4f': formatted by tuple_string, as the C version of this program does (examples/c).
        System.out.println("top-1 error after pruning: " + hv_Top1ErrorPruned.TupleString(new HTuple(".4f")).getS());

        // Retraining the pruned model; no evaluation during training, so no model file is written on the way.
        HTuple hv_TrainParam = new HTuple();
        create_dl_train_param(hv_DLModelPruned, hv_NumEpochs, new HTuple(0), new HTuple("false"), hv_Seed,
                new HTuple(), new HTuple(), hv_TrainParam);
        HTuple hv_TrainResults = new HTuple();
        HTuple hv_TrainInfos = new HTuple();
        HTuple hv_EvaluationInfos = new HTuple();
        train_dl_model(hv_DLDataset, hv_DLModelPruned, hv_TrainParam, new HTuple(0), hv_TrainResults, hv_TrainInfos,
                hv_EvaluationInfos);
        evaluate_dl_model(hv_DLDataset, hv_DLModelPruned, new HTuple("split"), new HTuple("test"), new HTuple(),
                hv_EvaluationResult, hv_EvalParams);
        top1Error(hv_EvaluationResult, hv_Top1ErrorRetrained);
        System.out.println("top-1 error after retraining: "
                + hv_Top1ErrorRetrained.TupleString(new HTuple(".4f")).getS());

        HOperatorSet.WriteDlModel(hv_DLModelPruned, hv_PrunedModelFile);
        HOperatorSet.ClearHandle(hv_DLPruningHandle);
        HOperatorSet.ClearDlModel(hv_DLModelPruned);
        HOperatorSet.ClearDlModel(hv_DLModelHandle);
    }

    /** EvaluationResult.global.top1_error, as HDevelop's dict expressions read it. */
    private static void top1Error(HTuple hv_EvaluationResult, HTuple hv_Top1Error) {
        HTuple hv_Global = new HTuple();
        HOperatorSet.GetDictTuple(hv_EvaluationResult, new HTuple("global"), hv_Global);
        HOperatorSet.GetDictTuple(hv_Global, new HTuple("top1_error"), hv_Top1Error);
    }
}
