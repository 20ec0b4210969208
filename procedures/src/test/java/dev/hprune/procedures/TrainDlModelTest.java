package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import dev.hprune.halcon.StandardProcedures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train_dl_model: the loop against hand-driven train_dl_model_batch calls, evaluations, best model, schedule, errors. */
class TrainDlModelTest {
    @TempDir
    Path dir;

    private static final int BATCH = 4;

    private static HTuple trainParam(HTuple model, double epochs, double interval, long seed, HTuple names,
            HTuple values) {
        HTuple param = new HTuple();
        DlTraining.create_dl_train_param(model, new HTuple(epochs), new HTuple(interval), new HTuple("false"),
                new HTuple(seed), names, values, param);
        return param;
    }

    private static HTuple weightsOf(HTuple model, Path file) throws Exception {
        HOperatorSet.WriteDlModel(model, new HTuple(file.toString()));
        byte[] bytes = Files.readAllBytes(file);
        long[] values = new long[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i];
        }
        return new HTuple(values);
    }

    /**
     * The acceptance case: train_dl_model with seed 42 leaves exactly the model that the same train_dl_model_batch calls
     * give when the order is drawn by hand (set_system seed, one tuple_shuffle per epoch) — the same losses, bit for bit,
     * and the same ONNX bytes. A different seed gives a different model, so the comparison can fail.
     */
    @Test
    void trainingEqualsRepeatedTrainBatchCallsInTheSameOrder() throws Exception {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple samples = new HDict(dataset.getH()).GetDictTuple("samples");
        HTuple trainIndices = new HTuple();
        DlDataset.find_dl_samples(samples, new HTuple("split"), new HTuple("train"), new HTuple("match"), trainIndices);
        assertThat(trainIndices.length()).isEqualTo(15);

        HTuple viaProcedure = TinyDataset.model(BATCH, 0.05);
        HTuple results = new HTuple();
        HTuple infos = new HTuple();
        HTuple evaluations = new HTuple();
        DlTraining.train_dl_model(dataset, viaProcedure, trainParam(viaProcedure, 3, 0, 42, new HTuple(),
                new HTuple()), new HTuple(0), results, infos, evaluations);

        HTuple byHand = TinyDataset.model(BATCH, 0.05);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(42));
        HTuple order = new HTuple();
        for (int epoch = 0; epoch < 3; epoch++) {
            HTuple shuffled = new HTuple();
            StandardProcedures.TupleShuffle(trainIndices, shuffled);
            order.append(shuffled);
        }
        HTuple losses = new HTuple();
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int step = 0; step < 15 / BATCH; step++) {
                int first = epoch * 15 + step * BATCH;
                HTuple batch = new HTuple();
                DlDataset.read_dl_samples(dataset, order.TupleSelectRange(new HTuple(first),
                        new HTuple(first + BATCH - 1)), batch);
                HTuple result = new HTuple();
                HOperatorSet.TrainDlModelBatch(byHand, batch, result);
                losses.append(new HDict(result.getH()).GetDictTuple("total_loss"));
            }
        }

        HTuple procedureLosses = new HTuple();
        for (int i = 0; i < results.length(); i++) {
            procedureLosses.append(new HDict(results.getH(i)).GetDictTuple("total_loss"));
        }
        assertThat(results.length()).isEqualTo(9);
        assertThat(procedureLosses).isEqualTo(losses);
        assertThat(weightsOf(viaProcedure, dir.resolve("a.onnx"))).isEqualTo(weightsOf(byHand, dir.resolve("b.onnx")));
        assertThat(evaluations.length()).isZero();

        HTuple otherSeed = TinyDataset.model(BATCH, 0.05);
        DlTraining.train_dl_model(dataset, otherSeed, trainParam(otherSeed, 3, 0, 43, new HTuple(), new HTuple()),
                new HTuple(0), new HTuple(), new HTuple(), new HTuple());
        assertThat(weightsOf(otherSeed, dir.resolve("c.onnx"))).isNotEqualTo(weightsOf(byHand, dir.resolve("b.onnx")));
    }

    /** StartEpoch 1 runs exactly the later iterations of a run from 0: same losses from there on. */
    @Test
    void startEpochContinuesTheSameOrder() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple full = TinyDataset.model(BATCH, 0.05);
        HTuple fullResults = new HTuple();
        DlTraining.train_dl_model(dataset, full, trainParam(full, 2, 0, 5, new HTuple(), new HTuple()),
                new HTuple(0), fullResults, new HTuple(), new HTuple());
        assertThat(fullResults.length()).isEqualTo(6);

        HTuple resumed = TinyDataset.model(BATCH, 0.05);
        HTuple firstEpoch = new HTuple();
        DlTraining.train_dl_model(dataset, resumed, trainParam(resumed, 1, 0, 5, new HTuple(), new HTuple()),
                new HTuple(0), firstEpoch, new HTuple(), new HTuple());
        HTuple secondEpoch = new HTuple();
        DlTraining.train_dl_model(dataset, resumed, trainParam(resumed, 2, 0, 5, new HTuple(), new HTuple()),
                new HTuple(1), secondEpoch, new HTuple(), new HTuple());
        assertThat(secondEpoch.length()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(new HDict(secondEpoch.getH(i)).GetDictTuple("total_loss"))
                    .isEqualTo(new HDict(fullResults.getH(3 + i)).GetDictTuple("total_loss"));
        }
    }

    private static HTuple losses(HTuple results, int from) {
        HTuple losses = new HTuple();
        for (int i = from; i < results.length(); i++) {
            losses.append(new HDict(results.getH(i)).GetDictTuple("total_loss"));
        }
        return losses;
    }

    /**
     * A run of 3 epochs stopped after epoch 1 and continued from 1 on the same handle trains as one run of 3 epochs: the
     * same 9 losses and the same weights. The 'change' strategy steps at 0.5 (inside the first call) and at 2 with
     * momentum scaling, so a second call that restarted the schedule at 'initial_value' would jump (and scale the
     * momentum) at its first iteration and differ.
     */
    @Test
    void runStoppedAfterEpochOneAndContinuedEqualsOneRun() throws Exception {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HDict change = new HDict();
        change.SetDictTuple("model_param", new HTuple("learning_rate"));
        change.SetDictTuple("initial_value", new HTuple(0.05));
        change.SetDictTuple("epochs", HTuple.of(0.5, 2L));
        change.SetDictTuple("values", HTuple.of(0.01, 0.002));
        change.SetDictTuple("scale_momentum_threshold", new HTuple(2.0));

        HTuple once = TinyDataset.model(BATCH, 0.05);
        HOperatorSet.SetDlModelParam(once, new HTuple("momentum"), new HTuple(0.9));
        HTuple onceResults = new HTuple();
        DlTraining.train_dl_model(dataset, once, trainParam(once, 3, 0, 11, new HTuple("change"), new HTuple(change)),
                new HTuple(0), onceResults, new HTuple(), new HTuple());

        HTuple twice = TinyDataset.model(BATCH, 0.05);
        HOperatorSet.SetDlModelParam(twice, new HTuple("momentum"), new HTuple(0.9));
        HTuple first = new HTuple();
        DlTraining.train_dl_model(dataset, twice, trainParam(twice, 1, 0, 11, new HTuple("change"),
                new HTuple(change)), new HTuple(0), first, new HTuple(), new HTuple());
        HTuple rest = new HTuple();
        DlTraining.train_dl_model(dataset, twice, trainParam(twice, 3, 0, 11, new HTuple("change"),
                new HTuple(change)), new HTuple(1), rest, new HTuple(), new HTuple());

        assertThat(first.length()).isEqualTo(3);
        assertThat(rest.length()).isEqualTo(6);
        HTuple joined = losses(first, 0);
        joined.append(losses(rest, 0));
        assertThat(joined).isEqualTo(losses(onceResults, 0));
        assertThat(weightsOf(twice, dir.resolve("twice.onnx"))).isEqualTo(weightsOf(once, dir.resolve("once.onnx")));
        assertThat(param(twice, "learning_rate")).isEqualTo(0.002);
        assertThat(param(twice, "momentum")).isEqualTo(0.9);
    }

    /**
     * StartEpoch 'resume': a run with augmentation is interrupted after epoch 1 (the 'current' strategy's files are
     * those the 'epochs' strategy wrote at epoch 1); the model read from them and resumed with the same TrainParam gives
     * the uninterrupted run's last 6 losses (same order and augmentation seeds) and its final weights. Momentum 0:
     * the velocity is not part of the model file.
     */
    @Test
    void resumeContinuesFromTheCurrentStrategysFiles() throws Exception {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HDict augment = new HDict();
        augment.SetDictTuple("augmentation_percentage", new HTuple(100L));
        augment.SetDictTuple("mirror", new HTuple("rc"));
        augment.SetDictTuple("brightness_variation", new HTuple(1L));
        HDict current = new HDict();
        current.SetDictTuple("type", new HTuple("current"));
        current.SetDictTuple("basename", new HTuple(dir.resolve("now").toString()));
        HDict atOne = new HDict();
        atOne.SetDictTuple("type", new HTuple("epochs"));
        atOne.SetDictTuple("epochs", new HTuple(1L));
        atOne.SetDictTuple("basename", new HTuple(dir.resolve("at").toString()));

        HTuple uninterrupted = TinyDataset.model(BATCH, 0.05);
        HOperatorSet.SetDlModelParam(uninterrupted, new HTuple("momentum"), new HTuple(0.0));
        HTuple param = trainParam(uninterrupted, 3, 1, 13, HTuple.of("augment", "serialize", "serialize"),
                HTuple.of(augment, current, atOne));
        HTuple all = new HTuple();
        DlTraining.train_dl_model(dataset, uninterrupted, param, new HTuple(0), all, new HTuple(), new HTuple());
        assertThat(all.length()).isEqualTo(9);

        Files.copy(dir.resolve("at_1.00.onnx"), dir.resolve("now.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("at_1.00_info.hdict"), dir.resolve("now_info.hdict"),
                StandardCopyOption.REPLACE_EXISTING);
        HTuple resumed = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(dir.resolve("now.onnx").toString()), resumed);
        HOperatorSet.SetDlModelParam(resumed, new HTuple("batch_size"), new HTuple(BATCH));
        HOperatorSet.SetDlModelParam(resumed, new HTuple("learning_rate"), new HTuple(0.05));
        HOperatorSet.SetDlModelParam(resumed, new HTuple("momentum"), new HTuple(0.0));
        HTuple later = new HTuple();
        HTuple infos = new HTuple();
        HTuple evaluations = new HTuple();
        DlTraining.train_dl_model(dataset, resumed, param, new HTuple("resume"), later, infos, evaluations);

        assertThat(losses(later, 0)).isEqualTo(losses(all, 3));
        assertThat(weightsOf(resumed, dir.resolve("r.onnx")))
                .isEqualTo(weightsOf(uninterrupted, dir.resolve("u.onnx")));
        assertThat(evaluations.length()).isEqualTo(2);
        assertThat(new HDict(evaluations.getH(0)).GetDictTuple("epoch").getD()).isEqualTo(2.0);
        assertThat(new HDict(infos.getH(infos.length() - 1)).GetDictTuple("start_epoch").getD()).isEqualTo(1.0);
        // a different seed draws other augmentations: the comparison above can fail
        HTuple other = TinyDataset.model(BATCH, 0.05);
        HOperatorSet.SetDlModelParam(other, new HTuple("momentum"), new HTuple(0.0));
        HTuple otherResults = new HTuple();
        DlTraining.train_dl_model(dataset, other, trainParam(other, 3, 0, 14, new HTuple("augment"),
                new HTuple(augment)), new HTuple(0), otherResults, new HTuple(), new HTuple());
        assertThat(losses(otherResults, 0)).isNotEqualTo(losses(all, 0));
    }

    /**
     * 'resume' takes the best evaluation before the stop from the info file: with a recorded top1_error of 0 there,
     * nothing later is better, so the 'best' strategy writes no model and the infos keep the recorded evaluation.
     */
    @Test
    void resumeKeepsTheBestEvaluationBeforeTheStop() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HDict global = new HDict();
        global.SetDictTuple("top1_error", new HTuple(0.0));
        HDict result = new HDict();
        result.SetDictTuple("global", new HTuple(global));
        HDict earlier = new HDict();
        earlier.SetDictTuple("epoch", new HTuple(1.0));
        earlier.SetDictTuple("iteration", new HTuple(2L));
        earlier.SetDictTuple("result", new HTuple(result));
        earlier.SetDictTuple("result_train", new HTuple());
        HDict info = new HDict();
        info.SetDictTuple("train_infos", new HTuple());
        info.SetDictTuple("evaluation_infos", new HTuple(earlier));
        info.SetDictTuple("epoch", new HTuple(1.0));
        info.WriteDict(dir.resolve("now_info.hdict").toString(), new HTuple(), new HTuple());

        HDict current = new HDict();
        current.SetDictTuple("type", new HTuple("current"));
        current.SetDictTuple("basename", new HTuple(dir.resolve("now").toString()));
        HDict best = new HDict();
        best.SetDictTuple("type", new HTuple("best"));
        best.SetDictTuple("basename", new HTuple(dir.resolve("best").toString()));
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HTuple infos = new HTuple();
        HTuple evaluations = new HTuple();
        DlTraining.train_dl_model(dataset, model, trainParam(model, 3, 1, 2, HTuple.of("serialize", "serialize"),
                HTuple.of(current, best)), new HTuple("resume"), new HTuple(), infos, evaluations);
        assertThat(evaluations.length()).isEqualTo(2);
        assertThat(dir.resolve("best.onnx")).doesNotExist();
        HDict last = new HDict(infos.getH(infos.length() - 1));
        assertThat(new HDict(last.GetDictTuple("best_evaluation").getH()).GetDictTuple("epoch").getD()).isEqualTo(1.0);
    }

    /**
     * Evaluation every 0.5 epochs of 3 iterations (every iteration, since floor(0.5·3) = 1) and at the end; the best
     * model is written as model_best.onnx with its info, and evaluating the written file gives the best recorded error.
     */
    @Test
    void evaluatesEveryIntervalAndKeepsTheBestModel() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HDict serialize = new HDict();
        serialize.SetDictTuple("type", new HTuple("best"));
        String basename = dir.resolve("model_best").toString();
        serialize.SetDictTuple("basename", new HTuple(basename));
        HTuple param = trainParam(model, 2, 1, 3, new HTuple("serialize"), new HTuple(serialize));
        HTuple infos = new HTuple();
        HTuple evaluations = new HTuple();
        DlTraining.train_dl_model(dataset, model, param, new HTuple(0), new HTuple(), infos, evaluations);

        assertThat(evaluations.length()).isEqualTo(2);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < evaluations.length(); i++) {
            HDict info = new HDict(evaluations.getH(i));
            assertThat(info.GetDictParam("keys", new HTuple()).toSArr())
                    .containsExactlyInAnyOrder("epoch", "iteration", "result", "result_train");
            assertThat(info.GetDictTuple("epoch").getD()).isEqualTo(i + 1.0);
            HDict global = new HDict(new HDict(info.GetDictTuple("result").getH()).GetDictTuple("global").getH());
            best = Math.min(best, global.GetDictTuple("top1_error").getD());
        }
        assertThat(Files.exists(Path.of(basename + ".onnx"))).isTrue();
        assertThat(Files.exists(Path.of(basename + "_info.hdict"))).isTrue();

        HTuple written = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(basename + ".onnx"), written);
        HOperatorSet.SetDlModelParam(written, new HTuple("batch_size"), new HTuple(BATCH));
        HTuple result = new HTuple();
        DlEvaluation.evaluate_dl_model(dataset, written, new HTuple("split"), new HTuple("validation"), new HTuple(),
                result, new HTuple());
        assertThat(new HDict(new HDict(result.getH()).GetDictTuple("global").getH()).GetDictTuple("top1_error").getD())
                .isEqualTo(best);

        HDict last = new HDict(infos.getH(infos.length() - 1));
        assertThat(last.GetDictParam("keys", new HTuple()).toSArr()).containsExactlyInAnyOrder("epoch", "mean_loss",
                "mean_loss_samples", "model_params", "num_epochs", "num_iterations_per_epoch", "best_evaluation",
                "start_epoch", "start_time", "time_elapsed");
        assertThat(last.GetDictTuple("num_iterations_per_epoch").getL()).isEqualTo(3);
        assertThat(last.GetDictTuple("epoch").getD()).isEqualTo(2.0);
    }

    /** A 'change' strategy sets the learning rate from epoch 1 on; the infos record the rate in force. */
    @Test
    void changeStrategySwitchesTheLearningRateAtItsEpoch() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HDict change = new HDict();
        change.SetDictTuple("model_param", new HTuple("learning_rate"));
        change.SetDictTuple("initial_value", new HTuple(0.02));
        change.SetDictTuple("epochs", new HTuple(new double[] {1.0}));
        change.SetDictTuple("values", new HTuple(new double[] {0.002}));
        HDict serialize = new HDict();
        serialize.SetDictTuple("type", new HTuple("final"));
        serialize.SetDictTuple("basename", new HTuple(dir.resolve("final").toString()));
        HTuple param = trainParam(model, 2, 1, 3, HTuple.of("change", "serialize"),
                HTuple.of(change, serialize));
        HTuple infos = new HTuple();
        DlTraining.train_dl_model(dataset, model, param, new HTuple(0), new HTuple(), infos, new HTuple());
        // the info after epoch 1's evaluation was written before epoch 2 switched the rate
        HDict afterFirst = new HDict(infos.getH(0));
        HDict atEnd = new HDict(infos.getH(infos.length() - 1));
        assertThat(new HDict(afterFirst.GetDictTuple("model_params").getH()).GetDictTuple("learning_rate").getD())
                .isEqualTo(0.02);
        assertThat(new HDict(atEnd.GetDictTuple("model_params").getH()).GetDictTuple("learning_rate").getD())
                .isEqualTo(0.002);
        assertThat(Files.exists(dir.resolve("final.onnx"))).isTrue();
    }

    /** The same run with a different learning rate from epoch 1 differs only from iteration 3 on. */
    @Test
    void changeStrategyTakesEffectAtTheFirstIterationOfItsEpoch() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple plain = TinyDataset.model(BATCH, 0.05);
        HTuple plainResults = new HTuple();
        DlTraining.train_dl_model(dataset, plain, trainParam(plain, 2, 0, 9, new HTuple(), new HTuple()),
                new HTuple(0), plainResults, new HTuple(), new HTuple());
        HTuple changed = TinyDataset.model(BATCH, 0.05);
        HDict change = new HDict();
        change.SetDictTuple("model_param", new HTuple("learning_rate"));
        change.SetDictTuple("epochs", new HTuple(new double[] {1.0}));
        change.SetDictTuple("values", new HTuple(new double[] {0.5}));
        HTuple changedResults = new HTuple();
        DlTraining.train_dl_model(dataset, changed, trainParam(changed, 2, 0, 9, new HTuple("change"),
                new HTuple(change)), new HTuple(0), changedResults, new HTuple(), new HTuple());
        for (int i = 0; i < 6; i++) {
            HTuple a = new HDict(plainResults.getH(i)).GetDictTuple("total_loss");
            HTuple b = new HDict(changedResults.getH(i)).GetDictTuple("total_loss");
            // iteration 3 is the first at epoch 1: its loss is computed before the step, so it still agrees
            if (i <= 3) {
                assertThat(b).as("iteration %d", i).isEqualTo(a);
            } else {
                assertThat(b).as("iteration %d", i).isNotEqualTo(a);
            }
        }
    }

    /** 'epochs' writes at each listed epoch with '_<epoch .2f>' appended, 'current' at every whole epoch. */
    @Test
    void epochAndCurrentStrategiesWriteTheirFiles() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HDict epochs = new HDict();
        epochs.SetDictTuple("type", new HTuple("epochs"));
        epochs.SetDictTuple("epochs", HTuple.of(1L, 1.5));
        epochs.SetDictTuple("basename", new HTuple(dir.resolve("at").toString()));
        HDict current = new HDict();
        current.SetDictTuple("type", new HTuple("current"));
        current.SetDictTuple("basename", new HTuple(dir.resolve("now").toString()));
        DlTraining.train_dl_model(dataset, model, trainParam(model, 2, 0, 3, HTuple.of("serialize", "serialize"),
                HTuple.of(epochs, current)), new HTuple(0), new HTuple(), new HTuple(), new HTuple());
        assertThat(dir.resolve("at_1.00.onnx")).exists();
        assertThat(dir.resolve("at_1.50.onnx")).exists();
        assertThat(dir.resolve("at_1.00_info.hdict")).exists();
        assertThat(dir.resolve("now.onnx")).exists();
        HDict info = new HDict(dir.resolve("now_info.hdict").toString(), new HTuple(), new HTuple());
        assertThat(info.GetDictTuple("epoch").getD()).isEqualTo(2.0);
    }

    /** 'evaluate_before_train' adds an evaluation at epoch 0; a train share adds 'result_train' to each. */
    @Test
    void evaluationBeforeTrainingAndOnTrainSamples() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HDict display = new HDict();
        display.SetDictTuple("selected_percentage_train_samples", new HTuple(50L));
        HDict serialize = new HDict();
        serialize.SetDictTuple("type", new HTuple("final"));
        serialize.SetDictTuple("basename", new HTuple(dir.resolve("final").toString()));
        HTuple evaluations = new HTuple();
        DlTraining.train_dl_model(dataset, model, trainParam(model, 1, 1, 3,
                HTuple.of("evaluate_before_train", "display", "serialize"), HTuple.of("true", display, serialize)),
                new HTuple(0), new HTuple(), new HTuple(), evaluations);
        assertThat(evaluations.length()).isEqualTo(2);
        HDict before = new HDict(evaluations.getH(0));
        assertThat(before.GetDictTuple("epoch").getD()).isEqualTo(0.0);
        HDict train = new HDict(before.GetDictTuple("result_train").getH());
        HDict samples = new HDict(train.GetDictTuple("evaluated_samples").getH());
        // half of the 15 train samples, rounded
        assertThat(samples.GetDictTuple("image_ids").length()).isEqualTo(8);
    }

    /**
     * A learning-rate jump by more than 'scale_momentum_threshold' scales 'momentum' by new/old for one iteration; the
     * next iteration restores it.
     */
    @Test
    void largeLearningRateJumpsScaleTheMomentumForOneIteration() {
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HOperatorSet.SetDlModelParam(model, new HTuple("momentum"), new HTuple(0.9));
        HDict change = new HDict();
        change.SetDictTuple("model_param", new HTuple("learning_rate"));
        change.SetDictTuple("initial_value", new HTuple(0.1));
        change.SetDictTuple("epochs", HTuple.of(1L, 2L));
        change.SetDictTuple("values", HTuple.of(0.01, 0.008));
        change.SetDictTuple("scale_momentum_threshold", new HTuple(2.0));
        ChangeStrategy strategy = ChangeStrategy.of("create_dl_train_param", new HTuple(change), 7);
        strategy.start(model, Double.NaN);
        strategy.update(model, 0.5);
        assertThat(param(model, "learning_rate")).isEqualTo(0.1);
        strategy.update(model, 1.0);
        assertThat(param(model, "learning_rate")).isEqualTo(0.01);
        assertThat(param(model, "momentum")).isCloseTo(0.09, org.assertj.core.api.Assertions.within(1e-12));
        strategy.update(model, 1.25);
        assertThat(param(model, "momentum")).isEqualTo(0.9);
        // 0.01 -> 0.008 is a factor 1.25, under the threshold: momentum untouched
        strategy.update(model, 2.0);
        assertThat(param(model, "learning_rate")).isEqualTo(0.008);
        assertThat(param(model, "momentum")).isEqualTo(0.9);
    }

    private static double param(HTuple model, String name) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlModelParam(model, new HTuple(name), value);
        return value.getD();
    }

    /** EnableDisplay 'true' reports progress as lines on stderr instead of HALCON's window; 'false' stays silent. */
    @Test
    void displayWritesProgressLinesToStderr() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HDict serialize = new HDict();
        serialize.SetDictTuple("type", new HTuple("final"));
        serialize.SetDictTuple("basename", new HTuple(dir.resolve("final").toString()));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String display : new String[] {"false", "true"}) {
                HTuple model = TinyDataset.model(BATCH, 0.05);
                HTuple param = new HTuple();
                DlTraining.create_dl_train_param(model, new HTuple(1), new HTuple(1), new HTuple(display),
                        new HTuple(1), new HTuple("serialize"), new HTuple(serialize), param);
                DlTraining.train_dl_model(dataset, model, param, new HTuple(0), new HTuple(), new HTuple(),
                        new HTuple());
                if (display.equals("false")) {
                    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
                }
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("train_dl_model: epoch 1.00/1, mean loss ")
                .contains("train_dl_model: epoch 1.00 evaluation top1_error = ");
    }

    @Test
    void startEpochAtOrBeyondNumEpochsReturnsAtOnce() {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HTuple results = HTuple.of(1L);
        HTuple infos = HTuple.of(1L);
        HTuple evaluations = HTuple.of(1L);
        DlTraining.train_dl_model(dataset, model, trainParam(model, 2, 0, 1, new HTuple(), new HTuple()),
                new HTuple(2), results, infos, evaluations);
        assertThat(results.length() + infos.length() + evaluations.length()).isZero();
    }

    @Test
    void badInputRaisesHalconNumbers() throws Exception {
        HTuple dataset = TinyDataset.write(dir, TinyDataset.splits(25), 7);
        HTuple model = TinyDataset.model(BATCH, 0.05);
        HTuple param = trainParam(model, 1, 0, 1, new HTuple(), new HTuple());
        String p = "train_dl_model";
        assertProcedureError(() -> DlTraining.train_dl_model(dataset, model, param, new HTuple("resume"),
                new HTuple(), new HTuple(), new HTuple()), 1304, p);
        assertProcedureError(() -> DlTraining.train_dl_model(dataset, model, param, new HTuple(-1),
                new HTuple(), new HTuple(), new HTuple()), 1304, p);
        assertProcedureError(() -> DlTraining.train_dl_model(dataset, model, param, HTuple.of(0L, 1L),
                new HTuple(), new HTuple(), new HTuple()), 1404, p);
        assertProcedureError(() -> DlTraining.train_dl_model(dataset, model, param, new HTuple("later"),
                new HTuple(), new HTuple(), new HTuple()), 1204, p);
        HDict current = new HDict();
        current.SetDictTuple("type", new HTuple("current"));
        current.SetDictTuple("basename", new HTuple(dir.resolve("gone").toString()));
        HTuple withCurrent = trainParam(model, 1, 0, 1, new HTuple("serialize"), new HTuple(current));
        // 'resume' without the info file: read_dict's file error
        assertThatThrownBy(() -> DlTraining.train_dl_model(dataset, model, withCurrent, new HTuple("resume"),
                new HTuple(), new HTuple(), new HTuple())).isInstanceOf(HalconException.class)
                .satisfies(e -> assertThat(((HalconException) e).getErrorCode()).isEqualTo(5200));
        HDict noEpoch = new HDict();
        noEpoch.SetDictTuple("train_infos", new HTuple());
        noEpoch.WriteDict(dir.resolve("gone_info.hdict").toString(), new HTuple(), new HTuple());
        assertProcedureError(() -> DlTraining.train_dl_model(dataset, model, withCurrent, new HTuple("resume"),
                new HTuple(), new HTuple(), new HTuple()), 1304, p);
        assertProcedureError(() -> DlTraining.train_dl_model(dataset, model, new HTuple(new HDict()), new HTuple(0),
                new HTuple(), new HTuple(), new HTuple()), 1303, p);

        HDict noPreprocess = new HDict(dataset.getH()).CopyDict(new HTuple(), new HTuple());
        noPreprocess.RemoveDictKey("preprocess_param");
        assertProcedureError(() -> DlTraining.train_dl_model(new HTuple(noPreprocess), model, param, new HTuple(0),
                new HTuple(), new HTuple(), new HTuple()), 1301, p);

        HDict fewClasses = new HDict(dataset.getH()).CopyDict(new HTuple(), new HTuple());
        fewClasses.SetDictTuple("class_ids", new HTuple(new long[] {0, 1}));
        assertProcedureError(() -> DlTraining.train_dl_model(new HTuple(fewClasses), model, param, new HTuple(0),
                new HTuple(), new HTuple(), new HTuple()), 1301, p);

        HTuple big = TinyDataset.model(16, 0.05);
        assertProcedureError(() -> DlTraining.train_dl_model(dataset, big, param, new HTuple(0),
                new HTuple(), new HTuple(), new HTuple()), 1301, p);

        HTuple noValidation = TinyDataset.write(Files.createDirectories(dir.resolve("nv")),
                Collections.nCopies(8, "train"), 1);
        HTuple evaluating = trainParam(model, 1, 1, 1, new HTuple(), new HTuple());
        assertProcedureError(() -> DlTraining.train_dl_model(noValidation, model, evaluating, new HTuple(0),
                new HTuple(), new HTuple(), new HTuple()), 1301, p);
    }
}
