package dev.hprune.halcon;

import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.prune.DlPruningOperators;

/**
 * A pruning handle ("instance of the parameter information for pruning a Deep Neural Network model",
 * https://www.mvtec.com/doc/halcon/2411/en/HDlPrune.html) with HALCON's methods.
 */
public class HDlPrune extends HHandle {
    /** HALCON's {@code create_dl_pruning}: mode 'oracle'; genParam may set 'percentage'. */
    public HDlPrune(HDlModel dlModelHandle, String mode, HDict genParam) {
        super(Operator.call("create_dl_pruning", () -> DlPruningOperators.createDlPruning(
                Operator.in(new HTuple(dlModelHandle)), Operator.in(new HTuple(mode)), Operator.in(dictTuple(genParam)))));
    }

    /** A pruning view of a handle, which must be a live pruning handle (else 2453/2450/2454/2404). */
    public HDlPrune(HHandle handle) {
        super(handle, HandleType.DL_PRUNING, "create_dl_pruning");
    }

    public void CreateDlPruning(HDlModel dlModelHandle, String mode, HDict genParam) {
        HTuple handle = new HTuple();
        HOperatorSet.CreateDlPruning(new HTuple(dlModelHandle), new HTuple(mode), dictTuple(genParam), handle);
        rebind(handle.getH().handle());
    }

    public HTuple GetDlPruningParam(String genParamName) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlPruningParam(new HTuple(this), new HTuple(genParamName), value);
        return value;
    }

    public void SetDlPruningParam(String genParamName, HTuple genParamValue) {
        HOperatorSet.SetDlPruningParam(new HTuple(this), new HTuple(genParamName), genParamValue);
    }

    public void SetDlPruningParam(String genParamName, long genParamValue) {
        SetDlPruningParam(genParamName, new HTuple(genParamValue));
    }

    public void SetDlPruningParam(String genParamName, int genParamValue) {
        SetDlPruningParam(genParamName, new HTuple(genParamValue));
    }

    public void SetDlPruningParam(String genParamName, double genParamValue) {
        SetDlPruningParam(genParamName, new HTuple(genParamValue));
    }

    public void AddDlPruningBatch(HDlModel dlModelHandleToPrune, HDict[] dlSampleBatch) {
        HOperatorSet.AddDlPruningBatch(new HTuple(dlModelHandleToPrune), new HTuple(this), new HTuple(dlSampleBatch));
    }

    /** hprune's write_dl_pruning_scores: this handle's oracle scores, sample count and architecture to a file. */
    public void WriteDlPruningScores(String fileName) {
        HOperatorSet.WriteDlPruningScores(new HTuple(this), new HTuple(fileName));
    }

    /** hprune's read_dl_pruning_scores: replaces this handle's scores with a file's (7980 for another architecture). */
    public void ReadDlPruningScores(String fileName) {
        HOperatorSet.ReadDlPruningScores(new HTuple(this), new HTuple(fileName));
    }

    /** hprune's add_dl_pruning_scores: adds the other handle's scores into this one's; the other is unchanged. */
    public void AddDlPruningScores(HDlPrune dlPruningHandleOther) {
        HOperatorSet.AddDlPruningScores(new HTuple(this), new HTuple(dlPruningHandleOther));
    }

    static HTuple dictTuple(HDict dict) {
        return dict == null ? new HTuple() : new HTuple(dict);
    }
}
