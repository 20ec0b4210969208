package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.newDict;
import static dev.hprune.procedures.ProcedureSupport.set;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.StandardProcedures;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/** One call of train_dl_model after its checks: the loop, its evaluations, infos and serialization. */
final class TrainingRun {
    private static final String PROCEDURE = "train_dl_model";

    private final HTuple dataset;
    private final HTuple model;
    private final DlTraining.TrainSettings settings;
    private final HTuple trainIndices;
    private final int batchSize;
    private final double startEpoch;

    private final HTuple results = new HTuple();
    private final HTuple trainInfos = new HTuple();
    private final HTuple evaluationInfos = new HTuple();
    private final Deque<Double> recentLosses = new ArrayDeque<>();
    private final long startMillis = System.currentTimeMillis();
    private HTuple bestEvaluation = new HTuple();
    private double bestValue = Double.NaN;
    private int itersPerEpoch;
    private int numIterations;

    TrainingRun(HTuple dataset, HTuple model, DlTraining.TrainSettings settings, HTuple trainIndices, int batchSize,
            double startEpoch, HTuple resumedInfo) {
        this.dataset = dataset;
        this.model = model;
        this.settings = settings;
        this.trainIndices = trainIndices;
        this.batchSize = batchSize;
        this.startEpoch = startEpoch;
        if (resumedInfo != null && keyExists(resumedInfo, "evaluation_infos")) {
            HTuple earlier = get(resumedInfo, "evaluation_infos");
            for (int i = 0; i < earlier.length(); i++) {
                HTuple info = ProcedureSupport.handleAt(earlier, i);
                if (keyExists(info, "result")) {
                    considerBest(info, reduce(get(info, "result")));
                }
            }
        }
    }

    void run(HTuple trainResultsOut, HTuple trainInfosOut, HTuple evaluationInfosOut) {
        int nTrain = trainIndices.length();
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(settings.seed()));
        // one permutation per (started) epoch, drawn up front so that the order does not depend on StartEpoch
        HTuple order = new HTuple();
        for (int e = 0; e < (int) Math.ceil(settings.numEpochs()); e++) {
            HTuple shuffled = new HTuple();
            StandardProcedures.TupleShuffle(trainIndices, shuffled);
            order.append(shuffled);
        }
        HTuple draws = new HTuple();
        HOperatorSet.TupleRand(new HTuple(order.length()), draws);
        long[] seeds = new long[order.length()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = (long) (2147483647.0 * draws.getD(i));
        }
        itersPerEpoch = nTrain / batchSize;
        numIterations = Math.max(1, (int) Math.floor(settings.numEpochs() * itersPerEpoch));
        // the small slack keeps an epoch written as (iteration + 1) / itersPerEpoch on its own iteration
        int startIteration = Math.min(numIterations, (int) Math.floor(startEpoch * itersPerEpoch + 1e-9));
        int evaluateEvery = settings.evaluationInterval() > 0
                ? Math.max(1, (int) Math.floor(settings.evaluationInterval() * itersPerEpoch)) : 0;

        for (ChangeStrategy change : settings.changes()) {
            change.start(model, startIteration > 0 ? (startIteration - 1) / (double) itersPerEpoch : Double.NaN);
        }
        if (settings.evaluateBeforeTrain()) {
            evaluate(startIteration / (double) itersPerEpoch, startIteration);
        }
        long lastInfoMillis = System.currentTimeMillis();
        for (int it = startIteration; it < numIterations; it++) {
            double epochBefore = it / (double) itersPerEpoch;
            for (ChangeStrategy change : settings.changes()) {
                change.update(model, epochBefore);
            }
            int first = (it / itersPerEpoch) * nTrain + (it % itersPerEpoch) * batchSize;
            int last = first + batchSize - 1;
            HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(seeds[last]));
            HTuple batch = new HTuple();
            DlDataset.read_dl_samples(dataset, order.TupleSelectRange(new HTuple(first), new HTuple(last)), batch);
            if (settings.augmentation() != null) {
                settings.augmentation().apply(batch);
            }
            HTuple result = new HTuple();
            try {
                HOperatorSet.TrainDlModelBatch(model, batch, result);
            } finally {
                HOperatorSet.ClearHandle(batch);
            }
            results.append(result);
            recordLoss(get(result, "total_loss").getD());

            double epochAfter = (it + 1) / (double) itersPerEpoch;
            boolean lastIteration = it == numIterations - 1;
            boolean evaluated = false;
            if (evaluateEvery > 0 && ((it + 1) % evaluateEvery == 0 || lastIteration)) {
                evaluate(epochAfter, it);
                evaluated = true;
            }
            long now = System.currentTimeMillis();
            if (evaluated || lastIteration || now - lastInfoMillis >= settings.updateSeconds() * 1000) {
                addTrainInfo(epochAfter);
                lastInfoMillis = now;
            }
            serialize(epochBefore, epochAfter, evaluated, lastIteration);
        }
        for (ChangeStrategy change : settings.changes()) {
            change.finish(model);
        }
        fill(trainResultsOut, results);
        fill(trainInfosOut, trainInfos);
        fill(evaluationInfosOut, evaluationInfos);
    }

    /** The mean loss over the last 'num_samples_mean_loss' samples (at least one batch). */
    private void recordLoss(double loss) {
        recentLosses.addLast(loss);
        int keep = Math.max(1, (int) Math.ceil(settings.meanLossSamples() / (double) batchSize));
        while (recentLosses.size() > keep) {
            recentLosses.removeFirst();
        }
    }

    private double meanLoss() {
        double sum = 0;
        for (double loss : recentLosses) {
            sum += loss;
        }
        return recentLosses.isEmpty() ? Double.NaN : sum / recentLosses.size();
    }

    private void evaluate(double epoch, int iteration) {
        HTuple result = new HTuple();
        HTuple used = new HTuple();
        DlEvaluation.evaluate_dl_model(dataset, model, new HTuple("split"), new HTuple("validation"),
                settings.evaluationParam(), result, used);
        HTuple resultTrain = new HTuple();
        if (settings.trainShare() > 0) {
            HTuple shuffled = new HTuple();
            StandardProcedures.TupleShuffle(trainIndices, shuffled);
            int n = Math.max(1, (int) Math.round(trainIndices.length() * settings.trainShare() / 100));
            HTuple subset = shuffled.TupleSelectRange(new HTuple(0), new HTuple(Math.min(n, shuffled.length()) - 1));
            DlEvaluation.evaluate_dl_model(dataset, model, new HTuple("sample_indices"), subset.TupleSort(),
                    settings.evaluationParam(), resultTrain, used);
        }
        HTuple info = newDict();
        set(info, "epoch", new HTuple(epoch));
        set(info, "iteration", new HTuple(iteration));
        set(info, "result", result);
        set(info, "result_train", resultTrain);
        evaluationInfos.append(info);

        double value = reduce(result);
        lastEvaluationImproved = considerBest(info, value);
        if (settings.display()) {
            System.err.printf(Locale.ROOT, "train_dl_model: epoch %.2f evaluation %s = %.4f (best %.4f)%n", epoch,
                    String.join("/", settings.comparisonKeys().toSArr()), value, bestValue);
        }
    }

    private boolean lastEvaluationImproved;

    /** Keeps {@code info} as the best evaluation when its reduced value beats the best so far; true when it did. */
    private boolean considerBest(HTuple info, double value) {
        boolean better = Double.isNaN(bestValue)
                || (settings.bestHighest() ? value > bestValue : value < bestValue);
        if (better) {
            bestValue = value;
            bestEvaluation = info;
        }
        return better;
    }

    /** The mean of the comparison keys in the result's 'global' dict (HALCON's reduce_dl_evaluation_result). */
    private double reduce(HTuple result) {
        if (!keyExists(result, "global")) {
            throw wrongValue(PROCEDURE, 3, "the evaluation has no 'global' result to compare; keep 'global' among "
                    + "'class_ids_to_evaluate'");
        }
        HTuple global = get(result, "global");
        double sum = 0;
        for (String key : settings.comparisonKeys().toSArr()) {
            if (!keyExists(global, key)) {
                throw wrongValue(PROCEDURE, 3, "the evaluation result has no comparison key '" + key + "'");
            }
            sum += get(global, key).getD();
        }
        return sum / settings.comparisonKeys().length();
    }

    private void addTrainInfo(double epoch) {
        HTuple info = newDict();
        set(info, "epoch", new HTuple(epoch));
        set(info, "mean_loss", new HTuple(meanLoss()));
        set(info, "mean_loss_samples", new HTuple((long) recentLosses.size() * batchSize));
        HTuple modelParams = newDict();
        for (String name : new String[] {"learning_rate", "momentum", "weight_prior", "batch_size"}) {
            HTuple value = new HTuple();
            HOperatorSet.GetDlModelParam(model, new HTuple(name), value);
            set(modelParams, name, value);
        }
        set(info, "model_params", modelParams);
        set(info, "num_epochs", new HTuple(settings.numEpochs()));
        set(info, "num_iterations_per_epoch", new HTuple(itersPerEpoch));
        set(info, "best_evaluation", bestEvaluation);
        set(info, "start_epoch", new HTuple(startEpoch));
        set(info, "start_time", new HTuple(startMillis / 1000.0));
        set(info, "time_elapsed", new HTuple((System.currentTimeMillis() - startMillis) / 1000.0));
        trainInfos.append(info);
        if (settings.display()) {
            System.err.printf(Locale.ROOT, "train_dl_model: epoch %.2f/%s, mean loss %.4f, learning rate %s%n", epoch,
                    formatEpochs(settings.numEpochs()), meanLoss(), get(modelParams, "learning_rate"));
        }
    }

    private static String formatEpochs(double epochs) {
        return epochs == Math.rint(epochs) ? String.valueOf((long) epochs) : String.valueOf(epochs);
    }

    private void serialize(double epochBefore, double epochAfter, boolean evaluated, boolean lastIteration) {
        for (SerializationStrategy strategy : settings.serialization()) {
            String basename = switch (strategy.type()) {
                case "best" -> evaluated && lastEvaluationImproved ? strategy.basename() : null;
                case "current" -> evaluated || Math.floor(epochAfter + 1e-9) > Math.floor(epochBefore + 1e-9)
                        ? strategy.basename() : null;
                case "epochs" -> strategy.epochBasename(epochBefore, epochAfter + 1e-9);
                case "final" -> lastIteration ? strategy.basename() : null;
                default -> throw new IllegalStateException(strategy.type());
            };
            if (basename != null) {
                HTuple info = newDict();
                set(info, "train_infos", trainInfos.copy());
                set(info, "evaluation_infos", evaluationInfos.copy());
                set(info, "epoch", new HTuple(epochAfter));
                SerializationStrategy.write(model, basename, info);
            }
        }
    }
}
