package dev.hprune.cli.run;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Epochs of train_dl_model_batch over shuffled samples in batches of the model's 'batch_size' (a short last batch is
 * left out, as HALCON's train_dl_model does).
 */
public final class Training {
    private Training() {}

    /** Trains for {@code epochs} epochs; returns the mean loss of the last epoch (NaN for no steps). */
    public static double train(HDlModel model, List<HDict> samples, int epochs, long seed, Progress progress,
            String task) {
        int batchSize = model.GetDlModelParam("batch_size").getI();
        int steps = samples.size() / batchSize;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        double lastLoss = Double.NaN;
        try (Progress.Bar bar = progress.start(task, (long) epochs * steps)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                Collections.shuffle(order, random);
                double lossSum = 0;
                for (int step = 0; step < steps; step++) {
                    HDict[] batch = new HDict[batchSize];
                    for (int k = 0; k < batchSize; k++) {
                        batch[k] = samples.get(order.get(step * batchSize + k));
                    }
                    try (HDict result = model.TrainDlModelBatch(batch)) {
                        lossSum += result.GetDictTuple("total_loss").getD();
                    }
                    bar.stepBy(1);
                }
                lastLoss = steps == 0 ? Double.NaN : lossSum / steps;
                bar.extra(String.format("epoch %d/%d loss %.3f", epoch + 1, epochs, lastLoss));
            }
        }
        return lastLoss;
    }
}
