package dev.hprune.cli.run;

import static dev.hprune.procedures.DlEvaluation.evaluate_dl_model;
import static dev.hprune.procedures.DlTraining.create_dl_train_param;
import static dev.hprune.procedures.DlTraining.train_dl_model;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;

/** Training and evaluation as a HALCON program does them: with the public procedures, on the DLDataset's splits. */
public final class DlSteps {
    private DlSteps() {}

    /**
     * create_dl_train_param (no evaluation during training, so train_dl_model writes no model file) and train_dl_model
     * on the 'train' split; returns the last TrainInfo's 'mean_loss' (NaN for no iterations). {@code display} shows
     * train_dl_model's progress lines on stderr.
     */
    public static double train(HTuple model, DlData data, int epochs, long seed, boolean display) {
        HTuple trainParam = new HTuple();
        create_dl_train_param(model, new HTuple(epochs), new HTuple(0), new HTuple(display ? "true" : "false"),
                new HTuple(seed), new HTuple(), new HTuple(), trainParam);
        HTuple results = new HTuple();
        HTuple infos = new HTuple();
        HTuple evaluations = new HTuple();
        train_dl_model(data.dataset(), model, trainParam, new HTuple(0), results, infos, evaluations);
        if (results.length() == 0 || infos.length() == 0) {
            return Double.NaN;
        }
        return DlData.get(new HTuple(infos.getH(infos.length() - 1)), "mean_loss").getD();
    }

    /** evaluate_dl_model on the 'test' split: 'top1_error' of the 'global' result. */
    public static double top1Error(HTuple model, DlData data) {
        HTuple result = new HTuple();
        HTuple params = new HTuple();
        evaluate_dl_model(data.dataset(), model, new HTuple("split"), new HTuple("test"), new HTuple(), result, params);
        double error = DlData.get(DlData.get(result, "global"), "top1_error").getD();
        HOperatorSet.ClearHandle(result);
        return error;
    }
}
