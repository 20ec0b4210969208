package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import dev.hprune.procedures.DlDataset;
import dev.hprune.procedures.DlEvaluation;
import dev.hprune.procedures.DlPreprocessing;
import dev.hprune.procedures.DlTraining;
import dev.hprune.procedures.FileProcedures;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * HALCON's standard procedures called from C as {@code hprune_<name>}: the same results as the Java procedures on the
 * same inputs, and their errors arrive as the Herror with the number the Java procedure throws.
 */
class ProceduresThroughCTest {
    /** The hprune_ declarations of HalconC.h this test calls. */
    interface Procedures extends Library {
        Procedures P = Native.load(HalconCLibrary.libraryPath().toString(), Procedures.class);

        int hprune_split_dl_dataset(Pointer dlDataset, Pointer trainingPercent, Pointer validationPercent,
                Pointer genParam);

        int hprune_find_dl_samples(Pointer samples, Pointer keyName, Pointer keyValue, Pointer mode,
                PointerByReference sampleIndices);

        int hprune_create_evaluation_default_param(Pointer evaluationType, Pointer classIDsModel,
                PointerByReference evalParams);

        int hprune_create_dl_preprocess_param(Pointer dlModelType, Pointer imageWidth, Pointer imageHeight,
                Pointer imageNumChannels, Pointer imageRangeMin, Pointer imageRangeMax, Pointer normalizationType,
                Pointer domainHandling, Pointer ignoreClassIDs, Pointer setBackgroundID, Pointer classIDsBackground,
                Pointer genParam, PointerByReference dlPreprocessParam);

        int hprune_check_dl_preprocess_param(Pointer dlPreprocessParam);
    }

    private static final Procedures P = Procedures.P;
    private final CSide c = new CSide();

    @AfterEach
    void release() {
        c.close();
    }

    @Test
    void everyPublicProcedureHasACFunctionWithTheSameParameterCounts() throws Exception {
        C.T_create_dict(new PointerByReference()); // starts the bridge if no test did yet
        List<String> cNames = new ArrayList<>();
        for (int op = 0; op < NativeLib.hprune_op_count(); op++) {
            cNames.add(NativeLib.hprune_op_name(op).getString(0));
        }
        List<Method> procedures = Stream.of(DlDataset.class, DlPreprocessing.class, DlTraining.class,
                        DlEvaluation.class, FileProcedures.class)
                .flatMap(k -> Stream.of(k.getMethods()))
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getName().contains("_"))
                .toList();
        assertThat(procedures).hasSizeGreaterThanOrEqualTo(18);
        for (Method m : procedures) {
            assertThat(cNames).as("C procedure for %s", m.getName()).contains(m.getName());
            JavaOperator op = JavaOperator.BY_NAME.get(m.getName());
            assertThat(op.objIn() + op.objOut() + op.ctrlIn() + op.ctrlOut()).as(m.getName())
                    .isEqualTo(m.getParameterCount());
            // and HalconC.h's symbol exists (getFunction throws for a missing one)
            assertThat(NativeLibrary.getInstance(HalconCLibrary.libraryPath().toString())
                    .getFunction("hprune_" + m.getName())).isNotNull();
        }
    }

    /** A dict's keys and values, in Java terms, for comparing what C and Java built. */
    private static List<Object> contents(HTuple dict) {
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(dict, new HTuple("keys"), new HTuple(), keys);
        List<Object> out = new ArrayList<>();
        for (Object key : keys.asList()) {
            HTuple value = new HTuple();
            HOperatorSet.GetDictTuple(dict, new HTuple(key.toString()), value);
            out.add(key + "=" + value.asList());
        }
        return out;
    }

    private static HTuple javaHandle(Pointer tuple) {
        return new HTuple(new HHandle(CSide.handle(tuple)));
    }

    @Test
    void createEvaluationDefaultParamFromCMatchesJava() {
        PointerByReference out = new PointerByReference();
        assertThat(P.hprune_create_evaluation_default_param(c.tuple("classification"), c.tuple(0L, 1L, 2L), out))
                .isEqualTo(2);
        HTuple fromC = javaHandle(c.out(out));
        HTuple fromJava = new HTuple();
        DlEvaluation.create_evaluation_default_param(new HTuple("classification"), HTuple.of(0L, 1L, 2L), fromJava);
        assertThat(contents(fromC)).isEqualTo(contents(fromJava)).isNotEmpty()
                .contains("num_classes=[3]", "class_ids=[0, 1, 2]");
    }

    @Test
    void createDlPreprocessParamTakesItsTwelveInputsInOrder() {
        PointerByReference out = new PointerByReference();
        assertThat(P.hprune_create_dl_preprocess_param(c.tuple("classification"), c.tuple(32L), c.tuple(24L),
                c.tuple(3L), c.tuple(-127.0), c.tuple(128.0), c.tuple("none"), c.tuple("full_domain"), c.tuple(),
                c.tuple(), c.tuple(), c.tuple(), out)).as(C.hprune_last_error_text()).isEqualTo(2);
        Pointer param = c.out(out);
        HTuple fromJava = new HTuple();
        DlPreprocessing.create_dl_preprocess_param(new HTuple("classification"), new HTuple(32), new HTuple(24),
                new HTuple(3), new HTuple(-127.0), new HTuple(128.0), new HTuple("none"), new HTuple("full_domain"),
                new HTuple(), new HTuple(), new HTuple(), new HTuple(), fromJava);
        assertThat(contents(javaHandle(param))).isEqualTo(contents(fromJava))
                .contains("image_width=[32]", "image_height=[24]");
        assertThat(P.hprune_check_dl_preprocess_param(param)).isEqualTo(2);
    }

    /** A classification dataset of {@code labels.length} samples, built with the Java API. */
    private static HTuple dataset(long... labels) {
        HTuple samples = new HTuple();
        for (int i = 0; i < labels.length; i++) {
            HTuple sample = new HTuple();
            HOperatorSet.CreateDict(sample);
            HOperatorSet.SetDictTuple(sample, new HTuple("image_id"), new HTuple(i));
            HOperatorSet.SetDictTuple(sample, new HTuple("image_label_id"), new HTuple(labels[i]));
            samples.append(sample);
        }
        HTuple dataset = new HTuple();
        HOperatorSet.CreateDict(dataset);
        HOperatorSet.SetDictTuple(dataset, new HTuple("samples"), samples);
        HOperatorSet.SetDictTuple(dataset, new HTuple("class_ids"), HTuple.of(0L, 1L));
        HOperatorSet.SetDictTuple(dataset, new HTuple("class_names"), HTuple.of("a", "b"));
        return dataset;
    }

    private static List<Object> splits(HTuple dataset) {
        HTuple samples = new HTuple();
        HOperatorSet.GetDictTuple(dataset, new HTuple("samples"), samples);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < samples.length(); i++) {
            HTuple split = new HTuple();
            HOperatorSet.GetDictTuple(new HTuple(samples.getH(i)), new HTuple("split"), split);
            out.add(split.getS());
        }
        return out;
    }

    @Test
    void splitAndFindFromCMatchJavaUnderTheSameSeed() {
        long[] labels = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0};
        HTuple viaC = dataset(labels);
        HTuple viaJava = dataset(labels);
        Pointer cDataset = c.tuple(new CSide.H(viaC.getH().getHandleId()));

        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(42));
        assertThat(P.hprune_split_dl_dataset(cDataset, c.tuple(60L), c.tuple(20L), c.tuple()))
                .as(C.hprune_last_error_text()).isEqualTo(2);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(42));
        DlDataset.split_dl_dataset(viaJava, new HTuple(60), new HTuple(20), new HTuple());
        List<Object> cSplits = splits(viaC);
        assertThat(cSplits).isEqualTo(splits(viaJava)).contains("train", "validation", "test");

        HTuple samples = new HTuple();
        HOperatorSet.GetDictTuple(viaC, new HTuple("samples"), samples);
        PointerByReference out = new PointerByReference();
        assertThat(P.hprune_find_dl_samples(c.tuple(CSide.javaValues(samples).toArray()), c.tuple("split"), c.tuple("train"),
                c.tuple("or"), out)).isEqualTo(2);
        HTuple javaIndices = new HTuple();
        DlDataset.find_dl_samples(samples, new HTuple("split"), new HTuple("train"), new HTuple("or"), javaIndices);
        List<Object> cIndices = CSide.read(c.out(out));
        assertThat(cIndices).isEqualTo(CSide.javaValues(javaIndices)).hasSize(
                (int) cSplits.stream().filter("train"::equals).count());
    }

    /** The number the Java procedure throws for the same input. */
    private static int javaError(Executable call) {
        try {
            call.execute();
        } catch (HalconException e) {
            return e.getErrorCode();
        } catch (Throwable t) {
            throw new AssertionError("expected a HALCON error, got " + t, t);
        }
        throw new AssertionError("the Java procedure did not fail");
    }

    @Test
    void proceduresErrorsArriveAsTheirHerror() {
        HTuple dataset = dataset(0, 1, 0, 1);
        Pointer cDataset = c.tuple(new CSide.H(dataset.getH().getHandleId()));
        // a percentage sum above 100: wrong value of the third parameter
        int expected = javaError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(90), new HTuple(20),
                new HTuple()));
        assertThat(expected).isEqualTo(1303);
        assertThat(P.hprune_split_dl_dataset(cDataset, c.tuple(90L), c.tuple(20L), c.tuple())).isEqualTo(expected);
        assertThat(C.hprune_last_error_code()).isEqualTo(expected);
        assertThat(C.hprune_last_error_text()).contains("1303", "split_dl_dataset");

        // an unknown Mode; nothing is written to the output
        PointerByReference out = new PointerByReference();
        int unknownMode = javaError(() -> DlDataset.find_dl_samples(new HTuple(), new HTuple("split"),
                new HTuple("train"), new HTuple("sometimes"), new HTuple()));
        assertThat(P.hprune_find_dl_samples(c.tuple(), c.tuple("split"), c.tuple("train"), c.tuple("sometimes"), out))
                .isEqualTo(unknownMode).isEqualTo(1304);
        assertThat(out.getValue()).isNull();

        // class ids that are not integers: wrong type of the second parameter
        int wrongType = javaError(() -> DlEvaluation.create_evaluation_default_param(new HTuple("classification"),
                new HTuple("zero"), new HTuple()));
        assertThat(P.hprune_create_evaluation_default_param(c.tuple("classification"), c.tuple("zero"), out))
                .isEqualTo(wrongType).isEqualTo(1202);
    }
}
