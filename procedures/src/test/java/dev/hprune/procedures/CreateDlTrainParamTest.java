package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HTuple;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** create_dl_train_param: HALCON's TrainParam keys, the GenParam dicts, and errors by number. */
class CreateDlTrainParamTest {
    private static final HTuple MODEL = TinyDataset.model(2, 0.01);

    private static HDict create(HTuple names, HTuple values) {
        HTuple param = new HTuple();
        DlTraining.create_dl_train_param(MODEL, new HTuple(3), new HTuple(0.5), new HTuple(1), new HTuple(42), names,
                values, param);
        return new HDict(param.getH());
    }

    private static HDict dict(Consumer<HDict> fill) {
        HDict dict = new HDict();
        fill.accept(dict);
        return dict;
    }

    @Test
    void defaultsHaveHalconsKeysAndValues() {
        HDict p = create(new HTuple(), new HTuple());
        assertThat(p.GetDictParam("keys", new HTuple()).toSArr()).containsExactlyInAnyOrder("num_epochs",
                "evaluation_interval_epochs", "evaluation_param", "augmentation_param", "change_strategies",
                "serialization_strategies", "seed_rand", "display_param", "update_interval_seconds",
                "evaluation_comparison_keys", "evaluation_comparison_keys_best_highest", "num_samples_mean_loss",
                "evaluate_before_train");
        assertThat(p.GetDictTuple("num_epochs")).isEqualTo(new HTuple(3L));
        assertThat(p.GetDictTuple("evaluation_interval_epochs")).isEqualTo(new HTuple(0.5));
        assertThat(p.GetDictTuple("seed_rand")).isEqualTo(new HTuple(42L));
        assertThat(p.GetDictTuple("evaluation_comparison_keys")).isEqualTo(new HTuple("top1_error"));
        assertThat(p.GetDictTuple("evaluation_comparison_keys_best_highest")).isEqualTo(new HTuple(0L));
        assertThat(p.GetDictTuple("num_samples_mean_loss")).isEqualTo(new HTuple(1000L));
        assertThat(p.GetDictTuple("update_interval_seconds")).isEqualTo(new HTuple(2L));
        assertThat(p.GetDictTuple("change_strategies").length()).isZero();
        HDict display = new HDict(p.GetDictTuple("display_param").getH());
        assertThat(display.GetDictTuple("enabled")).isEqualTo(new HTuple("true"));
        HTuple serialization = p.GetDictTuple("serialization_strategies");
        assertThat(serialization.length()).isEqualTo(1);
        HDict best = new HDict(serialization.getH());
        assertThat(best.GetDictTuple("type")).isEqualTo(new HTuple("best"));
        assertThat(best.GetDictTuple("basename")).isEqualTo(new HTuple("model_best"));
    }

    @Test
    void evaluationMeasuresBecomeComparisonKeys() {
        HDict evaluate = dict(d -> d.SetDictTuple("measures", HTuple.of("f_score", "recall", "absolute_confusion_matrix")));
        HDict p = create(new HTuple("evaluate"), new HTuple(evaluate));
        assertThat(p.GetDictTuple("evaluation_comparison_keys")).isEqualTo(HTuple.of("mean_f_score", "mean_recall"));
        assertThat(p.GetDictTuple("evaluation_comparison_keys_best_highest")).isEqualTo(HTuple.of(1L, 1L));
        assertThat(p.GetDictTuple("evaluation_param")).isEqualTo(new HTuple(evaluate));
    }

    /** Class names cannot be checked against a DLDataset here; train_dl_model's evaluation maps them. */
    @Test
    void evaluateMayNameClassesWithoutADataset() {
        HDict evaluate = dict(d -> d.SetDictTuple("class_names_to_evaluate", HTuple.of("global", "bottom")));
        HDict p = create(new HTuple("evaluate"), new HTuple(evaluate));
        assertThat(p.GetDictTuple("evaluation_param")).isEqualTo(new HTuple(evaluate));
    }

    @Test
    void serializeRepeatsAndTheOtherDictsAreStored() {
        HDict final1 = dict(d -> d.SetDictTuple("type", new HTuple("final")));
        HDict epochs = dict(d -> {
            d.SetDictTuple("type", new HTuple("epochs"));
            d.SetDictTuple("epochs", HTuple.of(1L, 2L));
        });
        HDict change = dict(d -> {
            d.SetDictTuple("model_param", new HTuple("learning_rate"));
            d.SetDictTuple("epochs", HTuple.of(2L));
            d.SetDictTuple("values", HTuple.of(0.001));
            d.SetDictTuple("scale_momentum_threshold", HTuple.of(2.0));
        });
        HDict augment = dict(d -> {
            d.SetDictTuple("mirror", new HTuple("rc"));
            d.SetDictTuple("augmentation_percentage", new HTuple(20L));
        });
        HDict p = create(HTuple.of("serialize", "change", "serialize", "augment", "evaluate_before_train"),
                HTuple.of(final1, change, epochs, augment, "true"));
        assertThat(p.GetDictTuple("serialization_strategies")).isEqualTo(HTuple.of(final1, epochs));
        assertThat(p.GetDictTuple("change_strategies")).isEqualTo(new HTuple(change));
        assertThat(p.GetDictTuple("augmentation_param")).isEqualTo(new HTuple(augment));
        assertThat(p.GetDictTuple("evaluate_before_train")).isEqualTo(new HTuple("true"));
    }

    static Stream<Arguments> errors() {
        HTuple none = new HTuple();
        HDict changeA = dict(d -> d.SetDictTuple("model_param", new HTuple("learning_rate")));
        return Stream.of(
                // NumEpochs, EvaluationIntervalEpochs, EnableDisplay, RandomSeed
                Arguments.of("NumEpochs 0", HTuple.of(0L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), none, none, 1302),
                Arguments.of("NumEpochs two values", HTuple.of(1L, 2L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), none, none, 1402),
                Arguments.of("NumEpochs a string", HTuple.of("x"), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), none, none, 1202),
                Arguments.of("interval negative", HTuple.of(1L), HTuple.of(-1.0), HTuple.of("true"), HTuple.of(1L), none, none, 1303),
                Arguments.of("display 'yes'", HTuple.of(1L), HTuple.of(1L), HTuple.of("yes"), HTuple.of(1L), none, none, 1304),
                Arguments.of("seed real", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1.5), none, none, 1205),
                Arguments.of("seed two values", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L, 2L), none, none, 1405),
                Arguments.of("names and values differ", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("change"), none, 1407),
                Arguments.of("unknown name", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("anomaly"), HTuple.of(changeA), 1306),
                Arguments.of("change twice", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("change", "change"), HTuple.of(changeA, changeA), 1306),
                Arguments.of("value no dict", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("change"), HTuple.of(0.1), 1207),
                Arguments.of("augment unknown key", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("ignore_direction", new HTuple("true")))), 1307),
                Arguments.of("augment rotate 45", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("rotate", new HTuple(45L)))), 1307),
                Arguments.of("augment percentage 101", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("augmentation_percentage", new HTuple(101L)))), 1307),
                Arguments.of("augment mirror 'x'", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("mirror", new HTuple("x")))), 1307),
                Arguments.of("augment rotate_range 181", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("rotate_range", new HTuple(181L)))), 1307),
                Arguments.of("augment rotate_range -1", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("rotate_range", new HTuple(-1L)))), 1307),
                Arguments.of("augment rotate_range 10.5", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("rotate_range", new HTuple(10.5)))), 1307),
                Arguments.of("augment rotate_range a string", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("rotate_range", new HTuple("10")))), 1307),
                Arguments.of("augment rotate_range two values", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("rotate_range", HTuple.of(1L, 2L)))), 1307),
                Arguments.of("augment brightness_variation_spot 256", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("brightness_variation_spot", new HTuple(256L)))), 1307),
                Arguments.of("augment brightness_variation_spot -1", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("brightness_variation_spot", new HTuple(-1.0)))), 1307),
                Arguments.of("augment brightness_variation_spot a string", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("augment"),
                        HTuple.of(dict(d -> d.SetDictTuple("brightness_variation_spot", new HTuple("on")))), 1307),
                Arguments.of("change lengths differ", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("change"),
                        HTuple.of(dict(d -> {
                            d.SetDictTuple("model_param", new HTuple("learning_rate"));
                            d.SetDictTuple("epochs", HTuple.of(1L, 2L));
                            d.SetDictTuple("values", HTuple.of(0.1));
                        })), 1307),
                Arguments.of("change without model_param", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("change"),
                        HTuple.of(dict(d -> d.SetDictTuple("epochs", HTuple.of(1L)))), 1307),
                Arguments.of("threshold on momentum", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("change"),
                        HTuple.of(dict(d -> {
                            d.SetDictTuple("model_param", new HTuple("momentum"));
                            d.SetDictTuple("scale_momentum_threshold", HTuple.of(2.0));
                        })), 1307),
                Arguments.of("serialize type", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("serialize"),
                        HTuple.of(dict(d -> d.SetDictTuple("type", new HTuple("sometimes")))), 1307),
                Arguments.of("serialize epochs missing", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("serialize"),
                        HTuple.of(dict(d -> d.SetDictTuple("type", new HTuple("epochs")))), 1307),
                Arguments.of("display unknown key", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("display"),
                        HTuple.of(dict(d -> d.SetDictTuple("colour", new HTuple("red")))), 1307),
                Arguments.of("evaluate unknown measure", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L), HTuple.of("evaluate"),
                        HTuple.of(dict(d -> d.SetDictTuple("measures", new HTuple("accuracy")))), 1307),
                Arguments.of("evaluate_before_train 'maybe'", HTuple.of(1L), HTuple.of(1L), HTuple.of("true"), HTuple.of(1L),
                        HTuple.of("evaluate_before_train"), HTuple.of("maybe"), 1307));
    }

    @ParameterizedTest(name = "{0} -> {7}")
    @MethodSource("errors")
    void badInputRaisesHalconNumbers(String name, HTuple epochs, HTuple interval, HTuple display, HTuple seed,
            HTuple names, HTuple values, int code) {
        assertProcedureError(() -> DlTraining.create_dl_train_param(MODEL, epochs, interval, display, seed, names,
                values, new HTuple()), code, "create_dl_train_param");
    }

    @Test
    void anEmptySeedTakesTheClock() {
        HTuple param = new HTuple();
        long before = System.currentTimeMillis() / 1000;
        DlTraining.create_dl_train_param(MODEL, new HTuple(1), new HTuple(0), new HTuple("false"), new HTuple(),
                new HTuple(), new HTuple(), param);
        long seed = new HDict(param.getH()).GetDictTuple("seed_rand").getL();
        assertThat(seed).isBetween(before, System.currentTimeMillis() / 1000);
    }
}
