package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.error;
import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.handleAt;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.set;
import static dev.hprune.procedures.ProcedureSupport.singleString;
import static dev.hprune.procedures.ProcedureSupport.tupleKeyExists;
import static dev.hprune.procedures.ProcedureSupport.wrongCount;
import static dev.hprune.procedures.ProcedureSupport.wrongType;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;

/**
 * HALCON's dataset procedures (the library {@code dl_dataset} / {@code dl_samples}): a DLDataset is a dict with
 * 'image_dir', 'class_names', 'class_ids', 'samples' (a tuple of sample dicts: 'image_id', 'image_file_name',
 * 'image_label_id', 'split', 'dlsample_file_name') and, once preprocessed, 'preprocess_param' and 'dlsample_dir'. A DLSample
 * is a dict with 'image', 'image_id' and, for classification, 'image_label_id'; preprocessed samples are stored one per file,
 * {@code <dlsample_dir>/<image_id>_dlsample.hdict}.
 */
public final class DlDataset {
    private DlDataset() {}

    /**
     * find_dl_samples( : : Samples, KeyName, KeyValue, Mode : SampleIndices): the ascending indices of the sample dicts in
     * Samples whose tuple under KeyName matches KeyValue. Mode 'match': the stored tuple equals KeyValue as a whole; 'or':
     * the stored tuple has one element, equal to one of KeyValue's; 'contain': the stored tuple has an element equal to one
     * of KeyValue's. Numbers compare by value (1 equals 1.0). Samples without the key, or holding an iconic object under
     * it, never match; no match gives []. Errors: KeyName or Mode not one string (1402/1404, 1202/1204), an unknown Mode
     * (1304), 'contain' with an empty KeyValue (1403); a Samples element that is no dict fails in get_dict_param.
     */
    public static void find_dl_samples(HTuple samples, HTuple keyName, HTuple keyValue, HTuple mode,
            HTuple sampleIndices) {
        String procedure = "find_dl_samples";
        String key = singleString(procedure, keyName, 2, "KeyName");
        String how = singleString(procedure, mode, 4, "Mode");
        if (!how.equals("match") && !how.equals("or") && !how.equals("contain")) {
            throw wrongValue(procedure, 4, "Mode must be 'match', 'or' or 'contain', got '" + how + "'");
        }
        if (how.equals("contain") && keyValue.length() == 0) {
            throw wrongCount(procedure, 3, "Mode 'contain' needs at least one KeyValue");
        }
        HTuple found = new HTuple();
        for (int i = 0; i < samples.length(); i++) {
            HTuple sample = handleAt(samples, i);
            if (!tupleKeyExists(sample, key)) {
                continue;
            }
            HTuple stored = get(sample, key);
            boolean matches = switch (how) {
                case "match" -> equal(stored, keyValue);
                case "or" -> stored.length() == 1 && containsAny(keyValue, stored);
                default -> containsAny(stored, keyValue);
            };
            if (matches) {
                found.append(i);
            }
        }
        fill(sampleIndices, found);
    }

    /**
     * read_dl_samples( : : DLDataset, SampleIndices : DLSampleBatch): the DLSample dicts of the samples at SampleIndices,
     * read with read_dict from {@code <dlsample_dir>/<dlsample_file_name>}. A sample without 'dlsample_file_name' falls back
     * to {@code <image_id>_dlsample.hdict} when that file exists, and records the name in the sample. Errors: no indices
     * (1402), an index that is no integer (1202) or outside 'samples' (1302), a DLDataset without 'samples' or
     * 'dlsample_dir' (1301), a sample file that is missing (5200) or unreadable (read_dict's number).
     */
    public static void read_dl_samples(HTuple dlDataset, HTuple sampleIndices, HTuple dlSampleBatch) {
        String procedure = "read_dl_samples";
        if (sampleIndices.length() == 0) {
            throw wrongCount(procedure, 2, "SampleIndices is empty");
        }
        HTuple samples = datasetKey(procedure, dlDataset, "samples");
        String dir = datasetKey(procedure, dlDataset, "dlsample_dir").getS();
        HTuple batch = new HTuple();
        for (int i = 0; i < sampleIndices.length(); i++) {
            int index = sampleIndex(procedure, sampleIndices, i, samples.length(), 2);
            HTuple sample = handleAt(samples, index);
            String fileName;
            if (keyExists(sample, "dlsample_file_name")) {
                fileName = get(sample, "dlsample_file_name").getS();
            } else {
                fileName = get(sample, "image_id").getL() + "_dlsample.hdict";
                HTuple exists = new HTuple();
                HOperatorSet.FileExists(new HTuple(dir + "/" + fileName), exists);
                if (exists.getL() != 1) {
                    throw error(procedure, ProcedureSupport.FILE_NOT_FOUND, "sample " + index
                            + " has no 'dlsample_file_name' and " + dir + "/" + fileName + " does not exist");
                }
                set(sample, "dlsample_file_name", new HTuple(fileName));
            }
            HTuple dlSample = new HTuple();
            try {
                HOperatorSet.ReadDict(new HTuple(dir + "/" + fileName), new HTuple(), new HTuple(), dlSample);
            } catch (HalconException e) {
                throw error(procedure, e, "sample " + index + " (" + dir + "/" + fileName + ")");
            }
            batch.append(dlSample);
        }
        fill(dlSampleBatch, batch);
    }

    // ---- shared by the dataset procedures ----

    /** The tuple under {@code key} of the DLDataset (control parameter 1); a missing key is 1301. */
    static HTuple datasetKey(String procedure, HTuple dlDataset, String key) {
        if (dlDataset.length() != 1 || dlDataset.getType(0) != HTuple.HANDLE) {
            throw wrongCount(procedure, 1, "DLDataset must be one dict handle, got " + dlDataset);
        }
        if (!keyExists(dlDataset, key)) {
            throw wrongValue(procedure, 1, "DLDataset has no key '" + key + "'");
        }
        return get(dlDataset, key);
    }

    /** Element {@code i} of an index tuple: an integer in 0..count-1 (else 1200+position / 1300+position). */
    static int sampleIndex(String procedure, HTuple indices, int i, int count, int position) {
        if (indices.getType(i) != HTuple.INTEGER) {
            throw wrongType(procedure, position, "sample indices must be integers, got " + indices.asList().get(i));
        }
        long index = indices.getL(i);
        if (index < 0 || index >= count) {
            throw wrongValue(procedure, position, "sample index " + index + " outside 0.." + (count - 1));
        }
        return (int) index;
    }

    private static boolean equal(HTuple a, HTuple b) {
        HTuple equal = new HTuple();
        HOperatorSet.TupleEqual(a, b, equal);
        return equal.getL() == 1;
    }

    /** True when some element of {@code values} equals some element of {@code wanted} (numbers by value). */
    private static boolean containsAny(HTuple values, HTuple wanted) {
        for (Object value : values.asList()) {
            for (Object w : wanted.asList()) {
                if (equal(HTuple.of(value), HTuple.of(w))) {
                    return true;
                }
            }
        }
        return false;
    }
}
