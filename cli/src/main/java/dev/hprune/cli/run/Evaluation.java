package dev.hprune.cli.run;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import java.util.List;

/** Top-1 accuracy with apply_dl_model. */
public final class Evaluation {
    private Evaluation() {}

    private static final int CHUNK = 256;

    /** The fraction of samples whose best class id is their 'image_label_id'. */
    public static double accuracy(HDlModel model, List<HDict> samples, List<Long> labels, Progress progress,
            String task) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        int correct = 0;
        try (Progress.Bar bar = progress.start(task, samples.size())) {
            for (int start = 0; start < samples.size(); start += CHUNK) {
                int end = Math.min(samples.size(), start + CHUNK);
                HDict[] results = model.ApplyDlModel(samples.subList(start, end).toArray(HDict[]::new),
                        new HTuple("classification_class_ids"));
                for (int i = 0; i < results.length; i++) {
                    long best = results[i].GetDictTuple("classification_class_ids").getL(0);
                    correct += best == labels.get(start + i) ? 1 : 0;
                    results[i].close();
                }
                bar.stepBy(end - start);
            }
        }
        return correct / (double) samples.size();
    }
}
