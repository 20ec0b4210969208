package dev.hprune.halcon;

import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.handle.HandleType;
import java.util.List;

/** A deep-learning model handle with HALCON's model operators as methods (ONNX files in and out). */
public class HDlModel extends HHandle {
    /** Reads a model (HALCON's {@code read_dl_model}). */
    public HDlModel(String fileName) {
        super(Operator.call("read_dl_model", () -> DlModelOperators.readDlModel(List.of(fileName))));
    }

    /** A model view of a handle, which must be a live model handle (else 2453/2450/2454/2404). */
    public HDlModel(HHandle handle) {
        super(handle, HandleType.DL_MODEL, "read_dl_model");
    }

    public void ReadDlModel(String fileName) {
        rebind(Operator.call("read_dl_model", () -> DlModelOperators.readDlModel(List.of(fileName))));
    }

    public void WriteDlModel(String fileName) {
        HOperatorSet.WriteDlModel(new HTuple(this), new HTuple(fileName));
    }

    /** apply_dl_model; {@code outputs} [] for the default outputs. */
    public HDict[] ApplyDlModel(HDict[] sampleBatch, HTuple outputs) {
        HTuple results = new HTuple();
        HOperatorSet.ApplyDlModel(new HTuple(this), new HTuple(sampleBatch), outputs, results);
        HDict[] dicts = new HDict[results.length()];
        for (int i = 0; i < dicts.length; i++) {
            dicts[i] = new HDict(results.getH(i).handle());
        }
        return dicts;
    }

    public HDict TrainDlModelBatch(HDict[] sampleBatch) {
        HTuple result = new HTuple();
        HOperatorSet.TrainDlModelBatch(new HTuple(this), new HTuple(sampleBatch), result);
        return new HDict(result.getH());
    }

    public HTuple GetDlModelParam(String genParamName) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlModelParam(new HTuple(this), new HTuple(genParamName), value);
        return value;
    }

    public void SetDlModelParam(String genParamName, HTuple genParamValue) {
        HOperatorSet.SetDlModelParam(new HTuple(this), new HTuple(genParamName), genParamValue);
    }

    /** An integer parameter such as 'batch_size' (Java picks this overload for an int, so it stays an integer). */
    public void SetDlModelParam(String genParamName, long genParamValue) {
        SetDlModelParam(genParamName, new HTuple(genParamValue));
    }

    public void SetDlModelParam(String genParamName, int genParamValue) {
        SetDlModelParam(genParamName, new HTuple(genParamValue));
    }

    public void SetDlModelParam(String genParamName, double genParamValue) {
        SetDlModelParam(genParamName, new HTuple(genParamValue));
    }

    /** A handle parameter such as 'device' (an {@link HDlDevice} from QueryAvailableDlDevices). */
    public void SetDlModelParam(String genParamName, HHandle genParamValue) {
        SetDlModelParam(genParamName, new HTuple(genParamValue));
    }

    public void SetDlModelParam(String genParamName, String genParamValue) {
        SetDlModelParam(genParamName, new HTuple(genParamValue));
    }

    /** HALCON's {@code create_dl_pruning} for this model. */
    public HDlPrune CreateDlPruning(String mode, HDict genParam) {
        return new HDlPrune(this, mode, genParam);
    }

    public void AddDlPruningBatch(HDlPrune dlPruningHandle, HDict[] dlSampleBatch) {
        HOperatorSet.AddDlPruningBatch(new HTuple(this), new HTuple(dlPruningHandle), new HTuple(dlSampleBatch));
    }

    /** HALCON's {@code gen_dl_pruned_model}: a new, pruned model; this one is not changed. */
    public HDlModel GenDlPrunedModel(HDlPrune dlPruningHandle) {
        HTuple pruned = new HTuple();
        HOperatorSet.GenDlPrunedModel(new HTuple(this), new HTuple(dlPruningHandle), pruned);
        return new HDlModel(pruned.getH());
    }

    /**
     * HALCON's {@code load_dl_model_weights} with this model as the source: {@code target}'s layers of the same name
     * and weight shapes take this model's weights; returns the changed values per target layer.
     */
    public HTuple LoadDlModelWeights(HDlModel dlModelHandleTarget) {
        HTuple changes = new HTuple();
        HOperatorSet.LoadDlModelWeights(new HTuple(this), new HTuple(dlModelHandleTarget), changes);
        return changes;
    }

    /** Releases the model (HALCON's {@code clear_dl_model}). */
    public void ClearDlModel() {
        HOperatorSet.ClearDlModel(new HTuple(this));
    }
}
