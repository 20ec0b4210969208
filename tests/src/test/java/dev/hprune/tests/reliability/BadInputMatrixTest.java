package dev.hprune.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.testing.TestGraphs;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for every public operator of {@link HOperatorSet}: unknown parameter name, wrong type, out-of-range value,
 * empty tuple, tuple of the wrong length, cleared handle, handle of the wrong type and null, where the operator has
 * such a parameter. Each row names the HALCON error the README documents (parameter N counts the operator's control
 * parameters: 1200+N type, 1300+N value, 1400+N count; 2453/2454/2404 handles; 2953..2956 null), and after the failure
 * every handle of the fixture answers its Get calls as before (a failed call changes nothing).
 */
class BadInputMatrixTest {
    static final String UNKNOWN_NAME = "unknown parameter name";
    static final String WRONG_TYPE = "wrong type";
    static final String OUT_OF_RANGE = "out-of-range value";
    static final String EMPTY = "empty tuple";
    static final String WRONG_LENGTH = "tuple of wrong length";
    static final String CLEARED = "cleared handle";
    static final String WRONG_HANDLE = "handle of the wrong type";
    static final String NULL = "null";
    static final String OTHER = "operator-specific";

    /** One row: the operator, the kind of bad input, what is wrong, the expected error and the call. */
    record Row(String operator, String kind, String what, int code, Call call) {
        @Override
        public String toString() {
            return operator + " / " + kind + ": " + what + " -> " + code;
        }
    }

    interface Call {
        void run() throws Exception;
    }

    @TempDir
    static Path folder;
    static HTuple model;
    static HTuple otherModel;
    /** plainChain with its height and width left open, height set to 8. */
    static HTuple openSizeModel;
    static HTuple flattenModel;
    static HTuple pruning;
    static HTuple sample;
    static HTuple dict;
    static HTuple clearedDict;
    static HTuple clearedModel;
    static HTuple clearedPruning;
    /** TensorFlow's CPU, ONNX Runtime's CPU (inference only) and a device handle that was cleared. */
    static HTuple device;
    static HTuple ortDevice;
    static HTuple clearedDevice;
    /** plainChain on the ONNX Runtime device, and a pruning handle of it. */
    static HTuple ortModel;
    static HTuple ortPruning;
    static HImage image;
    static HImage grey;
    static Path modelFile;
    static Path notOnnx;
    /** A pruning handle of otherModel, its (empty) scores file, and a dict file that holds no scores. */
    static HTuple otherPruning;
    static Path otherScores;
    static Path plainDictFile;

    static final List<String> MODEL_PARAMS = List.of("type", "batch_size", "image_width", "image_height",
            "image_num_channels", "image_dimensions", "image_range_min", "image_range_max", "class_names", "class_ids",
            "learning_rate", "momentum", "weight_prior", "batchnorm_momentum", "runtime", "device");
    static final List<String> PRUNING_PARAMS = List.of("mode", "percentage", "prunable_conv_num",
            "prunable_conv_layer_name", "prunable_kernel_num", "pruned_kernel_num", "pruned_percentage");

    @BeforeAll
    static void fixture() throws IOException {
        modelFile = folder.resolve("plain.onnx");
        OnnxWriter.write(TestGraphs.plainChain(), modelFile);
        Path otherFile = folder.resolve("residual.onnx");
        OnnxWriter.write(TestGraphs.residual(), otherFile);
        notOnnx = folder.resolve("not.onnx");
        Files.writeString(notOnnx, "this is not a protobuf model");
        model = read(modelFile);
        otherModel = read(otherFile);
        Path openSizeFile = folder.resolve("open-size.onnx");
        OnnxWriter.write(TestGraphs.plainChain().withInputs(List.of(new ValueInfo("image", DataType.FLOAT, List.of(
                ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(3), ValueInfo.Dim.named("H"), ValueInfo.Dim.named("W"))))),
                openSizeFile);
        openSizeModel = read(openSizeFile);
        Path flattenFile = folder.resolve("flatten.onnx");
        OnnxWriter.write(TestGraphs.flattenHead(), flattenFile);
        flattenModel = read(flattenFile);
        HOperatorSet.SetDlModelParam(openSizeModel, t("image_height"), t(8));
        HOperatorSet.SetDlModelParam(openSizeModel, t("image_width"), t(8));
        pruning = new HTuple();
        HOperatorSet.CreateDlPruning(model, t("oracle"), new HTuple(), pruning);
        image = HImage.fromPlanar("real", 8, 8, 3, new float[3 * 8 * 8]);
        grey = new HImage("byte", 8, 8);
        sample = sample(image, t(1));
        dict = new HTuple();
        HOperatorSet.CreateDict(dict);
        HOperatorSet.SetDictTuple(dict, t("a"), t(1, 2.5, "x"));
        HOperatorSet.SetDictObject(grey, dict, t("img"));
        clearedDict = new HTuple();
        HOperatorSet.CreateDict(clearedDict);
        HOperatorSet.ClearHandle(clearedDict);
        clearedModel = read(modelFile);
        HOperatorSet.ClearDlModel(clearedModel);
        clearedPruning = new HTuple();
        HOperatorSet.CreateDlPruning(model, t("oracle"), new HTuple(), clearedPruning);
        HOperatorSet.ClearHandle(clearedPruning);
        clearedDevice = new HTuple();
        HOperatorSet.QueryAvailableDlDevices(t("runtime"), t("cpu"), clearedDevice);
        clearedDevice = new HTuple(clearedDevice.getH(0));
        HOperatorSet.ClearHandle(clearedDevice);
        device = new HTuple();
        HOperatorSet.QueryAvailableDlDevices(t("runtime"), t("cpu"), device);
        device = new HTuple(device.getH(0));
        ortDevice = new HTuple();
        HOperatorSet.QueryAvailableDlDevices(t("ai2", "execution_provider"), t("onnxruntime", "CPU"), ortDevice);
        ortModel = read(modelFile);
        HOperatorSet.SetDlModelParam(ortModel, t("device"), ortDevice);
        ortPruning = new HTuple();
        HOperatorSet.CreateDlPruning(ortModel, t("oracle"), new HTuple(), ortPruning);
        otherPruning = new HTuple();
        HOperatorSet.CreateDlPruning(otherModel, t("oracle"), new HTuple(), otherPruning);
        otherScores = folder.resolve("residual-scores.hdict");
        HOperatorSet.WriteDlPruningScores(otherPruning, t(otherScores.toString()));
        plainDictFile = folder.resolve("plain.hdict");
        HOperatorSet.WriteDict(dict, t(plainDictFile.toString()), t(), t());
    }

    @AfterAll
    static void release() {
        for (HTuple h : List.of(model, otherModel, openSizeModel, flattenModel, pruning, sample, dict, ortModel,
                ortPruning, otherPruning)) {
            HOperatorSet.ClearHandle(h);
        }
    }

    static HTuple read(Path file) {
        HTuple handle = new HTuple();
        HOperatorSet.ReadDlModel(t(file.toString()), handle);
        return handle;
    }

    static HTuple sample(HObject img, HTuple label) {
        HTuple s = new HTuple();
        HOperatorSet.CreateDict(s);
        if (img != null) {
            HOperatorSet.SetDictObject(img, s, t("image"));
        }
        if (label != null) {
            HOperatorSet.SetDictTuple(s, t("image_label_id"), label);
        }
        return s;
    }

    static HTuple t(Object... values) {
        return HTuple.of(values);
    }

    static HTuple freshPruning() {
        HTuple p = new HTuple();
        HOperatorSet.CreateDlPruning(model, t("oracle"), new HTuple(), p);
        return p;
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        HTuple out = new HTuple();
        HTuple nullTuple = null;

        // get_error_text( : : ErrorCode : ErrorText)
        rows.add(new Row("get_error_text", WRONG_TYPE, "a string", 1201, () -> HOperatorSet.GetErrorText(t("2454"), out)));
        rows.add(new Row("get_error_text", WRONG_TYPE, "a real", 1201, () -> HOperatorSet.GetErrorText(t(2454.0), out)));
        rows.add(new Row("get_error_text", EMPTY, "no code", 1401, () -> HOperatorSet.GetErrorText(t(), out)));
        rows.add(new Row("get_error_text", WRONG_LENGTH, "two codes", 1401,
                () -> HOperatorSet.GetErrorText(t(2454, 2453), out)));
        rows.add(new Row("get_error_text", NULL, "null tuple", 2954, () -> HOperatorSet.GetErrorText(nullTuple, out)));
        rows.add(new Row("get_error_text", NULL, "null output", 2956,
                () -> HOperatorSet.GetErrorText(t(2454), nullTuple)));

        // clear_handle( : : Handle : )
        rows.add(new Row("clear_handle", WRONG_TYPE, "a string", 1201, () -> HOperatorSet.ClearHandle(t("dict"))));
        rows.add(new Row("clear_handle", WRONG_TYPE, "a handle and a number", 1201,
                () -> HOperatorSet.ClearHandle(new HTuple(dict, t(3)))));
        rows.add(new Row("clear_handle", CLEARED, "cleared dict", 2454, () -> HOperatorSet.ClearHandle(clearedDict)));
        rows.add(new Row("clear_handle", CLEARED, "live and cleared: nothing cleared", 2454,
                () -> HOperatorSet.ClearHandle(new HTuple(dict, clearedDict))));
        rows.add(new Row("clear_handle", OTHER, "NULL handle", 2453, () -> HOperatorSet.ClearHandle(t(new HHandle()))));
        rows.add(new Row("clear_handle", NULL, "null tuple", 2954, () -> HOperatorSet.ClearHandle(nullTuple)));

        // create_dict( : : : DictHandle)
        rows.add(new Row("create_dict", NULL, "null output", 2956, () -> HOperatorSet.CreateDict(nullTuple)));

        // set_dict_tuple( : : DictHandle, Key, Tuple : )
        rows.add(new Row("set_dict_tuple", WRONG_TYPE, "real key", 1202,
                () -> HOperatorSet.SetDictTuple(dict, t(1.5), t(1))));
        rows.add(new Row("set_dict_tuple", WRONG_TYPE, "string as dict", 1201,
                () -> HOperatorSet.SetDictTuple(t("dict"), t("a"), t(1))));
        rows.add(new Row("set_dict_tuple", EMPTY, "no key", 1402,
                () -> HOperatorSet.SetDictTuple(dict, new HTuple(), t(1))));
        rows.add(new Row("set_dict_tuple", EMPTY, "no dict", 1401,
                () -> HOperatorSet.SetDictTuple(new HTuple(), t("a"), t(1))));
        rows.add(new Row("set_dict_tuple", WRONG_LENGTH, "two keys", 1402,
                () -> HOperatorSet.SetDictTuple(dict, t("a", "b"), t(1))));
        rows.add(new Row("set_dict_tuple", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.SetDictTuple(clearedDict, t("a"), t(1))));
        rows.add(new Row("set_dict_tuple", WRONG_HANDLE, "model as dict", 2404,
                () -> HOperatorSet.SetDictTuple(model, t("a"), t(1))));
        rows.add(new Row("set_dict_tuple", NULL, "null tuple", 2954,
                () -> HOperatorSet.SetDictTuple(dict, t("a"), nullTuple)));

        // get_dict_tuple( : : DictHandle, Key : Tuple)
        rows.add(new Row("get_dict_tuple", UNKNOWN_NAME, "absent key", 2894,
                () -> HOperatorSet.GetDictTuple(dict, t("absent"), out)));
        rows.add(new Row("get_dict_tuple", UNKNOWN_NAME, "integer 1 is not key '1'", 2894,
                () -> HOperatorSet.GetDictTuple(dict, t(1), out)));
        rows.add(new Row("get_dict_tuple", WRONG_TYPE, "key holds an object", 2460,
                () -> HOperatorSet.GetDictTuple(dict, t("img"), out)));
        rows.add(new Row("get_dict_tuple", WRONG_TYPE, "handle as key", 1202,
                () -> HOperatorSet.GetDictTuple(dict, t(new HHandle()), out)));
        rows.add(new Row("get_dict_tuple", EMPTY, "no key", 1402, () -> HOperatorSet.GetDictTuple(dict, t(), out)));
        rows.add(new Row("get_dict_tuple", WRONG_LENGTH, "two keys", 1402,
                () -> HOperatorSet.GetDictTuple(dict, t("a", "a"), out)));
        rows.add(new Row("get_dict_tuple", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.GetDictTuple(clearedDict, t("a"), out)));
        rows.add(new Row("get_dict_tuple", WRONG_HANDLE, "pruning handle", 2404,
                () -> HOperatorSet.GetDictTuple(pruning, t("a"), out)));
        rows.add(new Row("get_dict_tuple", NULL, "null output", 2956,
                () -> HOperatorSet.GetDictTuple(dict, t("a"), nullTuple)));
        rows.add(new Row("get_dict_tuple", NULL, "null key", 2954,
                () -> HOperatorSet.GetDictTuple(dict, nullTuple, out)));

        // set_dict_object(Object : : DictHandle, Key : )
        rows.add(new Row("set_dict_object", WRONG_TYPE, "real key", 1202,
                () -> HOperatorSet.SetDictObject(grey, dict, t(0.5))));
        rows.add(new Row("set_dict_object", EMPTY, "no key", 1402,
                () -> HOperatorSet.SetDictObject(grey, dict, t())));
        rows.add(new Row("set_dict_object", WRONG_LENGTH, "two keys", 1402,
                () -> HOperatorSet.SetDictObject(grey, dict, t("a", "b"))));
        rows.add(new Row("set_dict_object", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.SetDictObject(grey, clearedDict, t("a"))));
        rows.add(new Row("set_dict_object", WRONG_HANDLE, "model as dict", 2404,
                () -> HOperatorSet.SetDictObject(grey, model, t("a"))));
        rows.add(new Row("set_dict_object", NULL, "uninitialized object", 2953,
                () -> HOperatorSet.SetDictObject(new HObject(), dict, t("a"))));
        rows.add(new Row("set_dict_object", NULL, "null object", 2953,
                () -> HOperatorSet.SetDictObject(null, dict, t("a"))));
        rows.add(new Row("set_dict_object", NULL, "null key", 2954,
                () -> HOperatorSet.SetDictObject(grey, dict, nullTuple)));

        // get_dict_object( : Object : DictHandle, Key : )
        rows.add(new Row("get_dict_object", UNKNOWN_NAME, "absent key", 2894,
                () -> HOperatorSet.GetDictObject(new HObject(), dict, t("absent"))));
        rows.add(new Row("get_dict_object", WRONG_TYPE, "key holds a tuple", 2461,
                () -> HOperatorSet.GetDictObject(new HObject(), dict, t("a"))));
        rows.add(new Row("get_dict_object", WRONG_TYPE, "real key", 1202,
                () -> HOperatorSet.GetDictObject(new HObject(), dict, t(2.0))));
        rows.add(new Row("get_dict_object", EMPTY, "no key", 1402,
                () -> HOperatorSet.GetDictObject(new HObject(), dict, t())));
        rows.add(new Row("get_dict_object", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.GetDictObject(new HObject(), clearedDict, t("img"))));
        rows.add(new Row("get_dict_object", WRONG_HANDLE, "pruning handle", 2404,
                () -> HOperatorSet.GetDictObject(new HObject(), pruning, t("img"))));
        rows.add(new Row("get_dict_object", NULL, "null output object", 2955,
                () -> HOperatorSet.GetDictObject(null, dict, t("img"))));

        // get_dict_param( : : DictHandle, GenParamName, Key : GenParamValue)
        rows.add(new Row("get_dict_param", UNKNOWN_NAME, "'key_count'", 1302,
                () -> HOperatorSet.GetDictParam(dict, t("key_count"), t(), out)));
        rows.add(new Row("get_dict_param", WRONG_TYPE, "integer name", 1202,
                () -> HOperatorSet.GetDictParam(dict, t(1), t(), out)));
        rows.add(new Row("get_dict_param", WRONG_TYPE, "real key for 'key_exists'", 1203,
                () -> HOperatorSet.GetDictParam(dict, t("key_exists"), t(1.5), out)));
        rows.add(new Row("get_dict_param", EMPTY, "no name", 1402,
                () -> HOperatorSet.GetDictParam(dict, t(), t(), out)));
        rows.add(new Row("get_dict_param", WRONG_LENGTH, "'keys' takes no key", 1403,
                () -> HOperatorSet.GetDictParam(dict, t("keys"), t("a"), out)));
        rows.add(new Row("get_dict_param", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.GetDictParam(clearedDict, t("keys"), t(), out)));
        rows.add(new Row("get_dict_param", WRONG_HANDLE, "model", 2404,
                () -> HOperatorSet.GetDictParam(model, t("keys"), t(), out)));
        rows.add(new Row("get_dict_param", NULL, "null output", 2956,
                () -> HOperatorSet.GetDictParam(dict, t("keys"), t(), nullTuple)));

        // remove_dict_key( : : DictHandle, Key : )
        rows.add(new Row("remove_dict_key", WRONG_TYPE, "real key", 1202,
                () -> HOperatorSet.RemoveDictKey(dict, t("a", 1.5))));
        rows.add(new Row("remove_dict_key", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.RemoveDictKey(clearedDict, t("a"))));
        rows.add(new Row("remove_dict_key", WRONG_HANDLE, "pruning handle", 2404,
                () -> HOperatorSet.RemoveDictKey(pruning, t("a"))));
        rows.add(new Row("remove_dict_key", NULL, "null key", 2954, () -> HOperatorSet.RemoveDictKey(dict, nullTuple)));

        // read_dict( : : FileName, GenParamName, GenParamValue : DictHandle)
        String missingDict = folder.resolve("missing.hdict").toString();
        rows.add(new Row("read_dict", OTHER, "missing file", 5200,
                () -> HOperatorSet.ReadDict(t(missingDict), t(), t(), out)));
        rows.add(new Row("read_dict", OTHER, "a file that is no dict", 5238,
                () -> HOperatorSet.ReadDict(t(notOnnx.toString()), t(), t(), out)));
        rows.add(new Row("read_dict", WRONG_TYPE, "a number as file name", 1201,
                () -> HOperatorSet.ReadDict(t(3), t(), t(), out)));
        rows.add(new Row("read_dict", EMPTY, "no file name", 1401, () -> HOperatorSet.ReadDict(t(), t(), t(), out)));
        rows.add(new Row("read_dict", UNKNOWN_NAME, "'file_type' (write_dict only)", 1302,
                () -> HOperatorSet.ReadDict(t(missingDict), t("file_type"), t("json"), out)));
        rows.add(new Row("read_dict", WRONG_LENGTH, "a name without value", 1403,
                () -> HOperatorSet.ReadDict(t(missingDict), t("json_value_null"), t(), out)));
        rows.add(new Row("read_dict", OUT_OF_RANGE, "arrays converted to 'tuple'", 1303,
                () -> HOperatorSet.ReadDict(t(missingDict), t("convert_json_arrays_to"), t("tuple"), out)));
        rows.add(new Row("read_dict", NULL, "null file name", 2954,
                () -> HOperatorSet.ReadDict(nullTuple, t(), t(), out)));
        rows.add(new Row("read_dict", NULL, "null output", 2956,
                () -> HOperatorSet.ReadDict(t(missingDict), t(), t(), nullTuple)));

        // write_dict( : : DictHandle, FileName, GenParamName, GenParamValue : )
        String dictFile = folder.resolve("bad-input.hdict").toString();
        rows.add(new Row("write_dict", WRONG_HANDLE, "pruning handle", 2404,
                () -> HOperatorSet.WriteDict(pruning, t(dictFile), t(), t())));
        rows.add(new Row("write_dict", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.WriteDict(clearedDict, t(dictFile), t(), t())));
        rows.add(new Row("write_dict", WRONG_TYPE, "a number as file name", 1202,
                () -> HOperatorSet.WriteDict(dict, t(1.5), t(), t())));
        rows.add(new Row("write_dict", UNKNOWN_NAME, "'compression'", 1303,
                () -> HOperatorSet.WriteDict(dict, t(dictFile), t("compression"), t("true"))));
        rows.add(new Row("write_dict", OUT_OF_RANGE, "file_type 'xml'", 1304,
                () -> HOperatorSet.WriteDict(dict, t(dictFile), t("file_type"), t("xml"))));
        rows.add(new Row("write_dict", WRONG_LENGTH, "a name without value", 1404,
                () -> HOperatorSet.WriteDict(dict, t(dictFile), t("file_type"), t())));
        rows.add(new Row("write_dict", OTHER, "an image in JSON", 2455,
                () -> HOperatorSet.WriteDict(dict, t(dictFile), t("file_type"), t("json"))));
        rows.add(new Row("write_dict", OTHER, "a folder that does not exist", 5212,
                () -> HOperatorSet.WriteDict(dict, t(folder.resolve("no/such/folder/d.hdict").toString()), t(), t())));
        rows.add(new Row("write_dict", NULL, "null file name", 2954,
                () -> HOperatorSet.WriteDict(dict, nullTuple, t(), t())));

        // copy_dict( : : DictHandle, GenParamName, GenParamValue : CopiedDictHandle)
        rows.add(new Row("copy_dict", WRONG_HANDLE, "model handle", 2404,
                () -> HOperatorSet.CopyDict(model, t(), t(), out)));
        rows.add(new Row("copy_dict", CLEARED, "cleared dict", 2454,
                () -> HOperatorSet.CopyDict(clearedDict, t(), t(), out)));
        rows.add(new Row("copy_dict", UNKNOWN_NAME, "'copy_tuple'", 1302,
                () -> HOperatorSet.CopyDict(dict, t("copy_tuple"), t("true"), out)));
        rows.add(new Row("copy_dict", OUT_OF_RANGE, "raise_error_if_content_not_serializable 'maybe'", 1303,
                () -> HOperatorSet.CopyDict(dict, t("raise_error_if_content_not_serializable"), t("maybe"), out)));
        rows.add(new Row("copy_dict", WRONG_LENGTH, "a value without name", 1403,
                () -> HOperatorSet.CopyDict(dict, t(), t("true"), out)));
        rows.add(new Row("copy_dict", OTHER, "a pruning handle inside", 2455, () -> {
            HTuple holder = new HTuple();
            HOperatorSet.CreateDict(holder);
            HOperatorSet.SetDictTuple(holder, t("p"), pruning);
            HOperatorSet.CopyDict(holder, t(), t(), out);
        }));
        rows.add(new Row("copy_dict", NULL, "null output", 2956, () -> HOperatorSet.CopyDict(dict, t(), t(), nullTuple)));

        // read_image( : Image : FileName : )
        rows.add(new Row("read_image", UNKNOWN_NAME, "missing file", 5200,
                () -> HOperatorSet.ReadImage(new HObject(), t(folder.resolve("none.png").toString()))));
        rows.add(new Row("read_image", WRONG_TYPE, "integer file name", 1201,
                () -> HOperatorSet.ReadImage(new HObject(), t(5))));
        rows.add(new Row("read_image", OUT_OF_RANGE, "not an image", 5203,
                () -> HOperatorSet.ReadImage(new HObject(), t(notOnnx.toString()))));
        rows.add(new Row("read_image", EMPTY, "no file name", 1401, () -> HOperatorSet.ReadImage(new HObject(), t())));
        rows.add(new Row("read_image", NULL, "null file name", 2954,
                () -> HOperatorSet.ReadImage(new HObject(), nullTuple)));
        rows.add(new Row("read_image", NULL, "null output", 2955,
                () -> HOperatorSet.ReadImage(null, t(modelFile.toString()))));

        // gen_image_const( : Image : Type, Width, Height : )
        rows.add(new Row("gen_image_const", UNKNOWN_NAME, "type 'uint2'", 1301,
                () -> HOperatorSet.GenImageConst(new HObject(), t("uint2"), t(8), t(8))));
        rows.add(new Row("gen_image_const", WRONG_TYPE, "real width", 1202,
                () -> HOperatorSet.GenImageConst(new HObject(), t("byte"), t(8.0), t(8))));
        rows.add(new Row("gen_image_const", OUT_OF_RANGE, "width 0", 1302,
                () -> HOperatorSet.GenImageConst(new HObject(), t("byte"), t(0), t(8))));
        rows.add(new Row("gen_image_const", OUT_OF_RANGE, "height 40000", 1303,
                () -> HOperatorSet.GenImageConst(new HObject(), t("byte"), t(8), t(40000))));
        rows.add(new Row("gen_image_const", EMPTY, "no type", 1401,
                () -> HOperatorSet.GenImageConst(new HObject(), t(), t(8), t(8))));
        rows.add(new Row("gen_image_const", WRONG_LENGTH, "two heights", 1403,
                () -> HOperatorSet.GenImageConst(new HObject(), t("byte"), t(8), t(8, 8))));
        rows.add(new Row("gen_image_const", NULL, "null width", 2954,
                () -> HOperatorSet.GenImageConst(new HObject(), t("byte"), nullTuple, t(8))));
        rows.add(new Row("gen_image_const", NULL, "null output", 2955,
                () -> HOperatorSet.GenImageConst(null, t("byte"), t(8), t(8))));

        // get_image_size(Image : : : Width, Height), count_channels(MultiChannelImage : : : Channels)
        rows.add(new Row("get_image_size", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.GetImageSize(new HObject(), new HTuple(), new HTuple())));
        rows.add(new Row("get_image_size", NULL, "null output", 2956,
                () -> HOperatorSet.GetImageSize(grey, new HTuple(), nullTuple)));
        rows.add(new Row("count_channels", NULL, "null image", 2953,
                () -> HOperatorSet.CountChannels(null, new HTuple())));
        rows.add(new Row("count_channels", NULL, "null output", 2956,
                () -> HOperatorSet.CountChannels(grey, nullTuple)));

        // zoom_image_size(Image : ImageZoom : Width, Height, Interpolation : )
        rows.add(new Row("zoom_image_size", UNKNOWN_NAME, "interpolation 'cubic'", 1303,
                () -> HOperatorSet.ZoomImageSize(grey, new HObject(), t(4), t(4), t("cubic"))));
        rows.add(new Row("zoom_image_size", WRONG_TYPE, "string width", 1201,
                () -> HOperatorSet.ZoomImageSize(grey, new HObject(), t("4"), t(4), t("constant"))));
        rows.add(new Row("zoom_image_size", OUT_OF_RANGE, "height -1", 1302,
                () -> HOperatorSet.ZoomImageSize(grey, new HObject(), t(4), t(-1), t("constant"))));
        rows.add(new Row("zoom_image_size", EMPTY, "no interpolation", 1403,
                () -> HOperatorSet.ZoomImageSize(grey, new HObject(), t(4), t(4), t())));
        rows.add(new Row("zoom_image_size", WRONG_LENGTH, "two widths", 1401,
                () -> HOperatorSet.ZoomImageSize(grey, new HObject(), t(4, 5), t(4), t("constant"))));
        rows.add(new Row("zoom_image_size", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.ZoomImageSize(new HObject(), new HObject(), t(4), t(4), t("constant"))));
        rows.add(new Row("zoom_image_size", NULL, "null output", 2955,
                () -> HOperatorSet.ZoomImageSize(grey, null, t(4), t(4), t("constant"))));

        // convert_image_type(Image : ImageConverted : NewType : )
        rows.add(new Row("convert_image_type", UNKNOWN_NAME, "type 'cyclic'", 1301,
                () -> HOperatorSet.ConvertImageType(grey, new HObject(), t("cyclic"))));
        rows.add(new Row("convert_image_type", WRONG_TYPE, "integer type", 1201,
                () -> HOperatorSet.ConvertImageType(grey, new HObject(), t(1))));
        rows.add(new Row("convert_image_type", EMPTY, "no type", 1401,
                () -> HOperatorSet.ConvertImageType(grey, new HObject(), t())));
        rows.add(new Row("convert_image_type", WRONG_LENGTH, "two types", 1401,
                () -> HOperatorSet.ConvertImageType(grey, new HObject(), t("byte", "real"))));
        rows.add(new Row("convert_image_type", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.ConvertImageType(new HObject(), new HObject(), t("byte"))));
        rows.add(new Row("convert_image_type", NULL, "null type", 2954,
                () -> HOperatorSet.ConvertImageType(grey, new HObject(), nullTuple)));

        // compose3(Image1, Image2, Image3 : MultiChannelImage : : ), decompose3(MultiChannelImage : Image1..3 : : )
        rows.add(new Row("compose3", WRONG_LENGTH, "two objects in Image2", 1502,
                () -> HOperatorSet.Compose3(grey, grey.concatObj(grey), grey, new HObject())));
        rows.add(new Row("compose3", OUT_OF_RANGE, "images of different size", 3117,
                () -> HOperatorSet.Compose3(grey, new HImage("byte", 4, 4), grey, new HObject())));
        rows.add(new Row("compose3", NULL, "uninitialized Image3", 2953,
                () -> HOperatorSet.Compose3(grey, grey, new HObject(), new HObject())));
        rows.add(new Row("compose3", NULL, "null output", 2955, () -> HOperatorSet.Compose3(grey, grey, grey, null)));
        rows.add(new Row("decompose3", OUT_OF_RANGE, "one channel", 3359,
                () -> HOperatorSet.Decompose3(grey, new HObject(), new HObject(), new HObject())));
        rows.add(new Row("decompose3", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.Decompose3(new HObject(), new HObject(), new HObject(), new HObject())));
        rows.add(new Row("decompose3", NULL, "null output", 2955,
                () -> HOperatorSet.Decompose3(image, new HObject(), null, new HObject())));

        // read_dl_model( : : FileName : DLModelHandle)
        rows.add(new Row("read_dl_model", UNKNOWN_NAME, "missing file", 5200,
                () -> HOperatorSet.ReadDlModel(t(folder.resolve("none.onnx").toString()), new HTuple())));
        rows.add(new Row("read_dl_model", OUT_OF_RANGE, "not an ONNX model", 7801,
                () -> HOperatorSet.ReadDlModel(t(notOnnx.toString()), new HTuple())));
        rows.add(new Row("read_dl_model", WRONG_TYPE, "integer file name", 1201,
                () -> HOperatorSet.ReadDlModel(t(1), new HTuple())));
        rows.add(new Row("read_dl_model", EMPTY, "no file name", 1401, () -> HOperatorSet.ReadDlModel(t(), new HTuple())));
        rows.add(new Row("read_dl_model", WRONG_LENGTH, "two file names", 1401,
                () -> HOperatorSet.ReadDlModel(t(modelFile.toString(), modelFile.toString()), new HTuple())));
        rows.add(new Row("read_dl_model", NULL, "null file name", 2954,
                () -> HOperatorSet.ReadDlModel(nullTuple, new HTuple())));
        rows.add(new Row("read_dl_model", NULL, "null output", 2956,
                () -> HOperatorSet.ReadDlModel(t(modelFile.toString()), nullTuple)));

        // write_dl_model( : : DLModelHandle, FileName : )
        rows.add(new Row("write_dl_model", OUT_OF_RANGE, "folder does not exist", 7781,
                () -> HOperatorSet.WriteDlModel(model, t(folder.resolve("no/such/dir/m.onnx").toString()))));
        rows.add(new Row("write_dl_model", WRONG_TYPE, "integer file name", 1202,
                () -> HOperatorSet.WriteDlModel(model, t(7))));
        rows.add(new Row("write_dl_model", EMPTY, "no file name", 1402, () -> HOperatorSet.WriteDlModel(model, t())));
        rows.add(new Row("write_dl_model", WRONG_LENGTH, "two models", 1401,
                () -> HOperatorSet.WriteDlModel(new HTuple(model, otherModel), t("x.onnx"))));
        rows.add(new Row("write_dl_model", CLEARED, "cleared model", 2454,
                () -> HOperatorSet.WriteDlModel(clearedModel, t(folder.resolve("c.onnx").toString()))));
        rows.add(new Row("write_dl_model", WRONG_HANDLE, "dict as model", 2404,
                () -> HOperatorSet.WriteDlModel(dict, t(folder.resolve("d.onnx").toString()))));
        rows.add(new Row("write_dl_model", NULL, "null file name", 2954, () -> HOperatorSet.WriteDlModel(model, nullTuple)));

        // apply_dl_model( : : DLModelHandle, DLSampleBatch, Outputs : DLResultBatch)
        rows.add(new Row("apply_dl_model", UNKNOWN_NAME, "output 'heatmap'", 1303,
                () -> HOperatorSet.ApplyDlModel(model, sample, t("heatmap"), out)));
        rows.add(new Row("apply_dl_model", WRONG_TYPE, "integer output name", 1203,
                () -> HOperatorSet.ApplyDlModel(model, sample, t(1), out)));
        rows.add(new Row("apply_dl_model", WRONG_TYPE, "string as sample", 1202,
                () -> HOperatorSet.ApplyDlModel(model, t("sample"), t(), out)));
        rows.add(new Row("apply_dl_model", OUT_OF_RANGE, "image of the wrong size", 7791,
                () -> HOperatorSet.ApplyDlModel(model, sample(HImage.fromPlanar("real", 4, 4, 3, new float[48]), t(0)),
                        t(), out)));
        rows.add(new Row("apply_dl_model", OTHER, "sample without 'image'", 7783,
                () -> HOperatorSet.ApplyDlModel(model, sample(null, t(0)), t(), out)));
        rows.add(new Row("apply_dl_model", EMPTY, "no samples", 7915,
                () -> HOperatorSet.ApplyDlModel(model, t(), t(), out)));
        rows.add(new Row("apply_dl_model", WRONG_LENGTH, "two models", 1401,
                () -> HOperatorSet.ApplyDlModel(new HTuple(model, model), sample, t(), out)));
        rows.add(new Row("apply_dl_model", CLEARED, "cleared model", 2454,
                () -> HOperatorSet.ApplyDlModel(clearedModel, sample, t(), out)));
        rows.add(new Row("apply_dl_model", CLEARED, "cleared sample", 2454,
                () -> HOperatorSet.ApplyDlModel(model, new HTuple(sample, clearedDict), t(), out)));
        rows.add(new Row("apply_dl_model", WRONG_HANDLE, "pruning handle as model", 2404,
                () -> HOperatorSet.ApplyDlModel(pruning, sample, t(), out)));
        rows.add(new Row("apply_dl_model", WRONG_HANDLE, "model as sample", 2404,
                () -> HOperatorSet.ApplyDlModel(model, model, t(), out)));
        rows.add(new Row("apply_dl_model", NULL, "null output", 2956,
                () -> HOperatorSet.ApplyDlModel(model, sample, t(), nullTuple)));
        rows.add(new Row("apply_dl_model", NULL, "null outputs", 2954,
                () -> HOperatorSet.ApplyDlModel(model, sample, nullTuple, out)));

        // train_dl_model_batch( : : DLModelHandle, DLSampleBatch : DLTrainResult)
        rows.add(new Row("train_dl_model_batch", WRONG_LENGTH, "2 samples for batch_size 1", 7784,
                () -> HOperatorSet.TrainDlModelBatch(model, new HTuple(sample, sample), out)));
        rows.add(new Row("train_dl_model_batch", EMPTY, "no samples", 7915,
                () -> HOperatorSet.TrainDlModelBatch(model, t(), out)));
        rows.add(new Row("train_dl_model_batch", WRONG_TYPE, "real as sample", 1202,
                () -> HOperatorSet.TrainDlModelBatch(model, t(1.0), out)));
        rows.add(new Row("train_dl_model_batch", OUT_OF_RANGE, "label 7 is no class id", 7791,
                () -> HOperatorSet.TrainDlModelBatch(model, sample(image, t(7)), out)));
        rows.add(new Row("train_dl_model_batch", OTHER, "sample without label", 7783,
                () -> HOperatorSet.TrainDlModelBatch(model, sample(image, null), out)));
        rows.add(new Row("train_dl_model_batch", WRONG_TYPE, "real label", 7790,
                () -> HOperatorSet.TrainDlModelBatch(model, sample(image, t(1.0)), out)));
        rows.add(new Row("train_dl_model_batch", CLEARED, "cleared model", 2454,
                () -> HOperatorSet.TrainDlModelBatch(clearedModel, sample, out)));
        rows.add(new Row("train_dl_model_batch", WRONG_HANDLE, "dict as model", 2404,
                () -> HOperatorSet.TrainDlModelBatch(dict, sample, out)));
        rows.add(new Row("train_dl_model_batch", NULL, "null output", 2956,
                () -> HOperatorSet.TrainDlModelBatch(model, sample, nullTuple)));

        // get_dl_model_param( : : DLModelHandle, GenParamName : GenParamValue)
        rows.add(new Row("get_dl_model_param", UNKNOWN_NAME, "'gpu_memory'", 7911,
                () -> HOperatorSet.GetDlModelParam(model, t("gpu_memory"), out)));
        rows.add(new Row("get_dl_model_param", WRONG_TYPE, "integer name", 1202,
                () -> HOperatorSet.GetDlModelParam(model, t(3), out)));
        rows.add(new Row("get_dl_model_param", EMPTY, "no name", 1402, () -> HOperatorSet.GetDlModelParam(model, t(), out)));
        rows.add(new Row("get_dl_model_param", WRONG_LENGTH, "two names", 1402,
                () -> HOperatorSet.GetDlModelParam(model, t("type", "runtime"), out)));
        rows.add(new Row("get_dl_model_param", CLEARED, "cleared model", 2454,
                () -> HOperatorSet.GetDlModelParam(clearedModel, t("type"), out)));
        rows.add(new Row("get_dl_model_param", WRONG_HANDLE, "pruning handle", 2404,
                () -> HOperatorSet.GetDlModelParam(pruning, t("type"), out)));
        rows.add(new Row("get_dl_model_param", NULL, "null output", 2956,
                () -> HOperatorSet.GetDlModelParam(model, t("type"), nullTuple)));

        // set_dl_model_param( : : DLModelHandle, GenParamName, GenParamValue : )
        rows.add(new Row("set_dl_model_param", UNKNOWN_NAME, "'solver_tpye'", 7911,
                () -> HOperatorSet.SetDlModelParam(model, t("solver_tpye"), t("adam"))));
        rows.add(new Row("set_dl_model_param", UNKNOWN_NAME, "get-only 'type'", 7911,
                () -> HOperatorSet.SetDlModelParam(model, t("type"), t("generic"))));
        rows.add(new Row("set_dl_model_param", WRONG_TYPE, "real batch_size", 1203,
                () -> HOperatorSet.SetDlModelParam(model, t("batch_size"), t(2.0))));
        rows.add(new Row("set_dl_model_param", WRONG_TYPE, "string learning_rate", 1203,
                () -> HOperatorSet.SetDlModelParam(model, t("learning_rate"), t("fast"))));
        rows.add(new Row("set_dl_model_param", WRONG_TYPE, "integer name", 1202,
                () -> HOperatorSet.SetDlModelParam(model, t(1), t(1))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "batch_size 0", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("batch_size"), t(0))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "momentum 1", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("momentum"), t(1.0))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "learning_rate NaN", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("learning_rate"), t(Double.NaN))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "runtime 'tpu'", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("runtime"), t("tpu"))));
        // a batch must fit one tensor of at most 2^31-1 elements: plainChain's image is 3x8x8 = 192 elements, its
        // largest activation 6x8x8 = 384
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "batch_size 1e9 (image batch beyond 2^31 elements)", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("batch_size"), t(1_000_000_000))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "batch_size 8e6 (activations beyond 2^31 elements)", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("batch_size"), t(8_000_000))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "image_width 2^31-1 of an open-size graph", 7914,
                () -> HOperatorSet.SetDlModelParam(openSizeModel, t("image_width"), t(Integer.MAX_VALUE))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "image_width where a Flatten fixes the size", 7914,
                () -> HOperatorSet.SetDlModelParam(flattenModel, t("image_width"), t(16))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "duplicate class ids", 7792,
                () -> HOperatorSet.SetDlModelParam(model, t("class_ids"), t(4, 4))));
        rows.add(new Row("set_dl_model_param", EMPTY, "no value", 1403,
                () -> HOperatorSet.SetDlModelParam(model, t("batch_size"), t())));
        rows.add(new Row("set_dl_model_param", WRONG_LENGTH, "two batch sizes", 1403,
                () -> HOperatorSet.SetDlModelParam(model, t("batch_size"), t(1, 2))));
        rows.add(new Row("set_dl_model_param", EMPTY, "no class names", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("class_names"), t())));
        rows.add(new Row("set_dl_model_param", WRONG_LENGTH, "image_dimensions of two values", 1403,
                () -> HOperatorSet.SetDlModelParam(model, t("image_dimensions"), t(8, 8))));
        rows.add(new Row("set_dl_model_param", OUT_OF_RANGE, "image_dimensions with other channels", 7914,
                () -> HOperatorSet.SetDlModelParam(model, t("image_dimensions"), t(8, 8, 1))));
        rows.add(new Row("set_dl_model_param", CLEARED, "cleared model", 2454,
                () -> HOperatorSet.SetDlModelParam(clearedModel, t("batch_size"), t(2))));
        rows.add(new Row("set_dl_model_param", WRONG_HANDLE, "dict as model", 2404,
                () -> HOperatorSet.SetDlModelParam(dict, t("batch_size"), t(2))));
        rows.add(new Row("set_dl_model_param", NULL, "null value", 2954,
                () -> HOperatorSet.SetDlModelParam(model, t("batch_size"), nullTuple)));

        // load_dl_model_weights( : : DLModelHandleSource, DLModelHandleTarget : ChangesByLayer)
        rows.add(new Row("load_dl_model_weights", OUT_OF_RANGE, "the same model as source and target", 1302,
                () -> HOperatorSet.LoadDlModelWeights(model, model, out)));
        rows.add(new Row("load_dl_model_weights", WRONG_TYPE, "string as target", 1202,
                () -> HOperatorSet.LoadDlModelWeights(model, t("model"), out)));
        rows.add(new Row("load_dl_model_weights", EMPTY, "no source", 1401,
                () -> HOperatorSet.LoadDlModelWeights(t(), flattenModel, out)));
        rows.add(new Row("load_dl_model_weights", WRONG_LENGTH, "two targets", 1402,
                () -> HOperatorSet.LoadDlModelWeights(model, new HTuple(otherModel, flattenModel), out)));
        rows.add(new Row("load_dl_model_weights", CLEARED, "cleared target", 2454,
                () -> HOperatorSet.LoadDlModelWeights(model, clearedModel, out)));
        rows.add(new Row("load_dl_model_weights", WRONG_HANDLE, "dict as source", 2404,
                () -> HOperatorSet.LoadDlModelWeights(dict, model, out)));
        rows.add(new Row("load_dl_model_weights", NULL, "null output", 2956,
                () -> HOperatorSet.LoadDlModelWeights(model, flattenModel, nullTuple)));

        // clear_dl_model( : : DLModelHandle : )
        rows.add(new Row("clear_dl_model", WRONG_TYPE, "string", 1201, () -> HOperatorSet.ClearDlModel(t("model"))));
        rows.add(new Row("clear_dl_model", EMPTY, "no handle", 1401, () -> HOperatorSet.ClearDlModel(t())));
        rows.add(new Row("clear_dl_model", WRONG_LENGTH, "two models", 1401,
                () -> HOperatorSet.ClearDlModel(new HTuple(model, otherModel))));
        rows.add(new Row("clear_dl_model", CLEARED, "cleared model", 2454, () -> HOperatorSet.ClearDlModel(clearedModel)));
        rows.add(new Row("clear_dl_model", WRONG_HANDLE, "dict", 2404, () -> HOperatorSet.ClearDlModel(dict)));
        rows.add(new Row("clear_dl_model", NULL, "null", 2954, () -> HOperatorSet.ClearDlModel(nullTuple)));

        // create_dl_pruning( : : DLModelHandle, Mode, GenParam : DLPruningHandle)
        rows.add(new Row("create_dl_pruning", UNKNOWN_NAME, "mode 'random'", 1302,
                () -> HOperatorSet.CreateDlPruning(model, t("random"), t(), out)));
        rows.add(new Row("create_dl_pruning", UNKNOWN_NAME, "GenParam key 'mode'", 1303,
                () -> HOperatorSet.CreateDlPruning(model, t("oracle"), genParam("mode", t("oracle")), out)));
        rows.add(new Row("create_dl_pruning", WRONG_TYPE, "integer mode", 1202,
                () -> HOperatorSet.CreateDlPruning(model, t(0), t(), out)));
        rows.add(new Row("create_dl_pruning", WRONG_TYPE, "string as GenParam", 1203,
                () -> HOperatorSet.CreateDlPruning(model, t("oracle"), t("percentage"), out)));
        rows.add(new Row("create_dl_pruning", OUT_OF_RANGE, "GenParam percentage 150", 1303,
                () -> HOperatorSet.CreateDlPruning(model, t("oracle"), genParam("percentage", t(150)), out)));
        rows.add(new Row("create_dl_pruning", EMPTY, "no mode", 1402,
                () -> HOperatorSet.CreateDlPruning(model, t(), t(), out)));
        rows.add(new Row("create_dl_pruning", WRONG_LENGTH, "two modes", 1402,
                () -> HOperatorSet.CreateDlPruning(model, t("oracle", "oracle"), t(), out)));
        rows.add(new Row("create_dl_pruning", CLEARED, "cleared model", 2454,
                () -> HOperatorSet.CreateDlPruning(clearedModel, t("oracle"), t(), out)));
        rows.add(new Row("create_dl_pruning", CLEARED, "cleared GenParam dict", 2454,
                () -> HOperatorSet.CreateDlPruning(model, t("oracle"), clearedDict, out)));
        rows.add(new Row("create_dl_pruning", WRONG_HANDLE, "dict as model", 2404,
                () -> HOperatorSet.CreateDlPruning(dict, t("oracle"), t(), out)));
        rows.add(new Row("create_dl_pruning", WRONG_HANDLE, "model as GenParam", 2404,
                () -> HOperatorSet.CreateDlPruning(model, t("oracle"), model, out)));
        rows.add(new Row("create_dl_pruning", NULL, "null output", 2956,
                () -> HOperatorSet.CreateDlPruning(model, t("oracle"), t(), nullTuple)));

        // set_dl_pruning_param( : : DLPruningHandle, GenParamName, GenParamValue : )
        rows.add(new Row("set_dl_pruning_param", UNKNOWN_NAME, "'percent'", 1302,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percent"), t(20))));
        rows.add(new Row("set_dl_pruning_param", UNKNOWN_NAME, "get-only 'pruned_kernel_num'", 1302,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("pruned_kernel_num"), t(2))));
        rows.add(new Row("set_dl_pruning_param", WRONG_TYPE, "string percentage", 1203,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percentage"), t("20"))));
        rows.add(new Row("set_dl_pruning_param", WRONG_TYPE, "integer name", 1202,
                () -> HOperatorSet.SetDlPruningParam(pruning, t(2), t(20))));
        rows.add(new Row("set_dl_pruning_param", OUT_OF_RANGE, "percentage 100.5", 1303,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percentage"), t(100.5))));
        rows.add(new Row("set_dl_pruning_param", OUT_OF_RANGE, "percentage -1", 1303,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percentage"), t(-1))));
        rows.add(new Row("set_dl_pruning_param", OUT_OF_RANGE, "percentage NaN", 1303,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percentage"), t(Double.NaN))));
        rows.add(new Row("set_dl_pruning_param", OUT_OF_RANGE, "mode 'random'", 1303,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("mode"), t("random"))));
        rows.add(new Row("set_dl_pruning_param", EMPTY, "no value", 1403,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percentage"), t())));
        rows.add(new Row("set_dl_pruning_param", WRONG_LENGTH, "two values", 1403,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percentage"), t(10, 20))));
        rows.add(new Row("set_dl_pruning_param", CLEARED, "cleared pruning", 2454,
                () -> HOperatorSet.SetDlPruningParam(clearedPruning, t("percentage"), t(20))));
        rows.add(new Row("set_dl_pruning_param", WRONG_HANDLE, "model as pruning", 2404,
                () -> HOperatorSet.SetDlPruningParam(model, t("percentage"), t(20))));
        rows.add(new Row("set_dl_pruning_param", NULL, "null value", 2954,
                () -> HOperatorSet.SetDlPruningParam(pruning, t("percentage"), nullTuple)));

        // get_dl_pruning_param( : : DLPruningHandle, GenParamName : GenParamValue)
        rows.add(new Row("get_dl_pruning_param", UNKNOWN_NAME, "'scores'", 1302,
                () -> HOperatorSet.GetDlPruningParam(pruning, t("scores"), out)));
        rows.add(new Row("get_dl_pruning_param", WRONG_TYPE, "real name", 1202,
                () -> HOperatorSet.GetDlPruningParam(pruning, t(1.0), out)));
        rows.add(new Row("get_dl_pruning_param", EMPTY, "no name", 1402,
                () -> HOperatorSet.GetDlPruningParam(pruning, t(), out)));
        rows.add(new Row("get_dl_pruning_param", WRONG_LENGTH, "two names", 1402,
                () -> HOperatorSet.GetDlPruningParam(pruning, t("mode", "percentage"), out)));
        rows.add(new Row("get_dl_pruning_param", CLEARED, "cleared pruning", 2454,
                () -> HOperatorSet.GetDlPruningParam(clearedPruning, t("mode"), out)));
        rows.add(new Row("get_dl_pruning_param", WRONG_HANDLE, "dict as pruning", 2404,
                () -> HOperatorSet.GetDlPruningParam(dict, t("mode"), out)));
        rows.add(new Row("get_dl_pruning_param", NULL, "null output", 2956,
                () -> HOperatorSet.GetDlPruningParam(pruning, t("mode"), nullTuple)));

        // add_dl_pruning_batch( : : DLModelHandleToPrune, DLPruningHandle, DLSampleBatch : )
        rows.add(new Row("add_dl_pruning_batch", EMPTY, "no samples", 7915,
                () -> HOperatorSet.AddDlPruningBatch(model, pruning, t())));
        rows.add(new Row("add_dl_pruning_batch", WRONG_TYPE, "integer as sample", 1203,
                () -> HOperatorSet.AddDlPruningBatch(model, pruning, t(sample, 3))));
        rows.add(new Row("add_dl_pruning_batch", OUT_OF_RANGE, "model of another architecture", 7980,
                () -> HOperatorSet.AddDlPruningBatch(otherModel, pruning, sample)));
        rows.add(new Row("add_dl_pruning_batch", OUT_OF_RANGE, "good sample, then a label that is no class", 7791,
                () -> HOperatorSet.AddDlPruningBatch(model, pruning, new HTuple(sample, sample(image, t(9))))));
        rows.add(new Row("add_dl_pruning_batch", OTHER, "good sample, then one without label", 7783,
                () -> HOperatorSet.AddDlPruningBatch(model, pruning, new HTuple(sample, sample(image, null)))));
        rows.add(new Row("add_dl_pruning_batch", WRONG_LENGTH, "two pruning handles", 1402,
                () -> HOperatorSet.AddDlPruningBatch(model, new HTuple(pruning, pruning), sample)));
        rows.add(new Row("add_dl_pruning_batch", CLEARED, "cleared pruning", 2454,
                () -> HOperatorSet.AddDlPruningBatch(model, clearedPruning, sample)));
        rows.add(new Row("add_dl_pruning_batch", CLEARED, "cleared model", 2454,
                () -> HOperatorSet.AddDlPruningBatch(clearedModel, pruning, sample)));
        rows.add(new Row("add_dl_pruning_batch", CLEARED, "cleared sample", 2454,
                () -> HOperatorSet.AddDlPruningBatch(model, pruning, new HTuple(sample, clearedDict))));
        rows.add(new Row("add_dl_pruning_batch", WRONG_HANDLE, "dict as pruning", 2404,
                () -> HOperatorSet.AddDlPruningBatch(model, dict, sample)));
        rows.add(new Row("add_dl_pruning_batch", WRONG_HANDLE, "pruning as model", 2404,
                () -> HOperatorSet.AddDlPruningBatch(pruning, pruning, sample)));
        rows.add(new Row("add_dl_pruning_batch", NULL, "null batch", 2954,
                () -> HOperatorSet.AddDlPruningBatch(model, pruning, nullTuple)));

        // gen_dl_pruned_model( : : DLModelHandleToPrune, DLPruningHandle : DLModelHandlePruned)
        rows.add(new Row("gen_dl_pruned_model", OTHER, "no batch added yet", 7980,
                () -> HOperatorSet.GenDlPrunedModel(model, pruning, out)));
        rows.add(new Row("gen_dl_pruned_model", OUT_OF_RANGE, "model of another architecture", 7980,
                () -> HOperatorSet.GenDlPrunedModel(otherModel, pruning, out)));
        rows.add(new Row("gen_dl_pruned_model", EMPTY, "no pruning handle", 1402,
                () -> HOperatorSet.GenDlPrunedModel(model, t(), out)));
        rows.add(new Row("gen_dl_pruned_model", WRONG_TYPE, "string as pruning", 1202,
                () -> HOperatorSet.GenDlPrunedModel(model, t("oracle"), out)));
        rows.add(new Row("gen_dl_pruned_model", CLEARED, "cleared pruning", 2454,
                () -> HOperatorSet.GenDlPrunedModel(model, clearedPruning, out)));
        rows.add(new Row("gen_dl_pruned_model", WRONG_HANDLE, "model as pruning", 2404,
                () -> HOperatorSet.GenDlPrunedModel(model, model, out)));
        rows.add(new Row("gen_dl_pruned_model", NULL, "null output", 2956,
                () -> HOperatorSet.GenDlPrunedModel(model, pruning, nullTuple)));

        // hprune's write_dl_pruning_scores( : : DLPruningHandle, FileName : )
        String scoresFile = folder.resolve("scores.hdict").toString();
        rows.add(new Row("write_dl_pruning_scores", OTHER, "a folder that does not exist", 5212,
                () -> HOperatorSet.WriteDlPruningScores(pruning, t(folder.resolve("no/such/s.hdict").toString()))));
        rows.add(new Row("write_dl_pruning_scores", WRONG_TYPE, "a number as file name", 1202,
                () -> HOperatorSet.WriteDlPruningScores(pruning, t(3))));
        rows.add(new Row("write_dl_pruning_scores", EMPTY, "no file name", 1402,
                () -> HOperatorSet.WriteDlPruningScores(pruning, t())));
        rows.add(new Row("write_dl_pruning_scores", WRONG_HANDLE, "model as pruning", 2404,
                () -> HOperatorSet.WriteDlPruningScores(model, t(scoresFile))));
        rows.add(new Row("write_dl_pruning_scores", CLEARED, "cleared pruning", 2454,
                () -> HOperatorSet.WriteDlPruningScores(clearedPruning, t(scoresFile))));
        rows.add(new Row("write_dl_pruning_scores", NULL, "null file name", 2954,
                () -> HOperatorSet.WriteDlPruningScores(pruning, nullTuple)));

        // hprune's read_dl_pruning_scores( : : DLPruningHandle, FileName : )
        rows.add(new Row("read_dl_pruning_scores", OUT_OF_RANGE, "scores of another architecture", 7980,
                () -> HOperatorSet.ReadDlPruningScores(pruning, t(otherScores.toString()))));
        rows.add(new Row("read_dl_pruning_scores", OTHER, "a file that is no dict", 5238,
                () -> HOperatorSet.ReadDlPruningScores(pruning, t(notOnnx.toString()))));
        rows.add(new Row("read_dl_pruning_scores", OTHER, "a dict file without scores", 5238,
                () -> HOperatorSet.ReadDlPruningScores(pruning, t(plainDictFile.toString()))));
        rows.add(new Row("read_dl_pruning_scores", OTHER, "missing file", 5200,
                () -> HOperatorSet.ReadDlPruningScores(pruning, t(folder.resolve("missing.hdict").toString()))));
        rows.add(new Row("read_dl_pruning_scores", WRONG_LENGTH, "two file names", 1402,
                () -> HOperatorSet.ReadDlPruningScores(pruning, t(scoresFile, scoresFile))));
        rows.add(new Row("read_dl_pruning_scores", WRONG_HANDLE, "dict as pruning", 2404,
                () -> HOperatorSet.ReadDlPruningScores(dict, t(otherScores.toString()))));
        rows.add(new Row("read_dl_pruning_scores", CLEARED, "cleared pruning", 2454,
                () -> HOperatorSet.ReadDlPruningScores(clearedPruning, t(otherScores.toString()))));
        rows.add(new Row("read_dl_pruning_scores", NULL, "null pruning", 2954,
                () -> HOperatorSet.ReadDlPruningScores(nullTuple, t(scoresFile))));

        // hprune's add_dl_pruning_scores( : : DLPruningHandle, DLPruningHandleOther : )
        rows.add(new Row("add_dl_pruning_scores", OUT_OF_RANGE, "other of another architecture", 7980,
                () -> HOperatorSet.AddDlPruningScores(pruning, otherPruning)));
        rows.add(new Row("add_dl_pruning_scores", EMPTY, "no other", 1402,
                () -> HOperatorSet.AddDlPruningScores(pruning, t())));
        rows.add(new Row("add_dl_pruning_scores", WRONG_LENGTH, "two others", 1402,
                () -> HOperatorSet.AddDlPruningScores(pruning, new HTuple(pruning, pruning))));
        rows.add(new Row("add_dl_pruning_scores", WRONG_TYPE, "string as pruning", 1201,
                () -> HOperatorSet.AddDlPruningScores(t("oracle"), pruning)));
        rows.add(new Row("add_dl_pruning_scores", WRONG_HANDLE, "model as other", 2404,
                () -> HOperatorSet.AddDlPruningScores(pruning, model)));
        rows.add(new Row("add_dl_pruning_scores", CLEARED, "cleared other", 2454,
                () -> HOperatorSet.AddDlPruningScores(pruning, clearedPruning)));
        rows.add(new Row("add_dl_pruning_scores", NULL, "null other", 2954,
                () -> HOperatorSet.AddDlPruningScores(pruning, nullTuple)));

        // query_available_dl_devices( : : GenParamName, GenParamValue : DLDeviceHandles)
        rows.add(new Row("query_available_dl_devices", UNKNOWN_NAME, "'colour'", 7911,
                () -> HOperatorSet.QueryAvailableDlDevices(t("colour"), t("red"), out)));
        rows.add(new Row("query_available_dl_devices", UNKNOWN_NAME, "'info' cannot filter", 7911,
                () -> HOperatorSet.QueryAvailableDlDevices(t("info"), t("x"), out)));
        rows.add(new Row("query_available_dl_devices", WRONG_TYPE, "integer name", 1201,
                () -> HOperatorSet.QueryAvailableDlDevices(t(1), t("cpu"), out)));
        rows.add(new Row("query_available_dl_devices", EMPTY, "no value for a name", 1402,
                () -> HOperatorSet.QueryAvailableDlDevices(t("runtime"), t(), out)));
        rows.add(new Row("query_available_dl_devices", WRONG_LENGTH, "two names, one value", 1402,
                () -> HOperatorSet.QueryAvailableDlDevices(t("runtime", "runtime"), t("cpu"), out)));
        rows.add(new Row("query_available_dl_devices", NULL, "null output", 2956,
                () -> HOperatorSet.QueryAvailableDlDevices(t(), t(), nullTuple)));

        // get_dl_device_param( : : DLDeviceHandle, GenParamName : GenParamValue)
        rows.add(new Row("get_dl_device_param", UNKNOWN_NAME, "'memory'", 7911,
                () -> HOperatorSet.GetDlDeviceParam(device, t("memory"), out)));
        rows.add(new Row("get_dl_device_param", WRONG_TYPE, "integer name", 1202,
                () -> HOperatorSet.GetDlDeviceParam(device, t(1), out)));
        rows.add(new Row("get_dl_device_param", EMPTY, "no name", 1402,
                () -> HOperatorSet.GetDlDeviceParam(device, t(), out)));
        rows.add(new Row("get_dl_device_param", WRONG_LENGTH, "two names", 1402,
                () -> HOperatorSet.GetDlDeviceParam(device, t("type", "id"), out)));
        rows.add(new Row("get_dl_device_param", EMPTY, "no device", 1401,
                () -> HOperatorSet.GetDlDeviceParam(t(), t("type"), out)));
        rows.add(new Row("get_dl_device_param", CLEARED, "cleared device", 2454,
                () -> HOperatorSet.GetDlDeviceParam(clearedDevice, t("type"), out)));
        rows.add(new Row("get_dl_device_param", WRONG_HANDLE, "model as device", 2404,
                () -> HOperatorSet.GetDlDeviceParam(model, t("type"), out)));
        rows.add(new Row("get_dl_device_param", NULL, "null output", 2956,
                () -> HOperatorSet.GetDlDeviceParam(device, t("type"), nullTuple)));

        // 'device' of set_dl_model_param, and operators an inference-only device does not run
        rows.add(new Row("set_dl_model_param", WRONG_HANDLE, "dict as 'device'", 2404,
                () -> HOperatorSet.SetDlModelParam(model, t("device"), dict)));
        rows.add(new Row("set_dl_model_param", CLEARED, "cleared 'device'", 2454,
                () -> HOperatorSet.SetDlModelParam(model, t("device"), clearedDevice)));
        rows.add(new Row("set_dl_model_param", WRONG_TYPE, "'device' 'cpu' (a string)", 1203,
                () -> HOperatorSet.SetDlModelParam(model, t("device"), t("cpu"))));
        rows.add(new Row("set_dl_model_param", WRONG_LENGTH, "two devices", 1403,
                () -> HOperatorSet.SetDlModelParam(model, t("device"), new HTuple(device, ortDevice))));
        rows.add(new Row("train_dl_model_batch", OTHER, "model on the inference-only ONNX Runtime device", 7917,
                () -> HOperatorSet.TrainDlModelBatch(ortModel, sample, out)));
        rows.add(new Row("add_dl_pruning_batch", OTHER, "model on the inference-only ONNX Runtime device", 7917,
                () -> HOperatorSet.AddDlPruningBatch(ortModel, ortPruning, sample)));

        rows.addAll(TupleSystemFileObjectRows.rows(() -> folder));
        rows.addAll(PreprocessingImageRows.rows());
        return rows.stream();
    }

    static HTuple genParam(String key, HTuple value) {
        HTuple g = new HTuple();
        HOperatorSet.CreateDict(g);
        HOperatorSet.SetDictTuple(g, t(key), value);
        return g;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputGivesTheDocumentedErrorAndChangesNothing(Row row) {
        Map<String, Object> before = state();
        Throwable thrown = catchThrowable(row.call()::run);
        assertThat(thrown).as(row.toString()).isInstanceOf(HOperatorException.class);
        HOperatorException e = (HOperatorException) thrown;
        assertThat(e.getErrorCode()).as("%s, got %s", row, e).isEqualTo(row.code());
        assertThat(e.getProcName()).isEqualTo(row.operator());
        assertThat(state()).as("handles after " + row).isEqualTo(before);
    }

    /** Every operator of HOperatorSet has rows, and every row names one of them. */
    @Test
    void everyPublicOperatorIsCovered() {
        Set<String> operators = Stream.of(HOperatorSet.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .map(m -> m.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase())
                .map(n -> n.replace("compose_3", "compose3").replace("decompose_3", "decompose3"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = rows().map(Row::operator).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(operators);
    }

    /** What Get calls say about the fixture's handles, and the scores of the pruning handle (via gen's 7980). */
    static Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String name : MODEL_PARAMS) {
            HTuple value = new HTuple();
            HOperatorSet.GetDlModelParam(model, t(name), value);
            state.put("model." + name, value);
        }
        for (String name : PRUNING_PARAMS) {
            HTuple value = new HTuple();
            HOperatorSet.GetDlPruningParam(pruning, t(name), value);
            state.put("pruning." + name, value);
        }
        Throwable gen = catchThrowable(() -> HOperatorSet.GenDlPrunedModel(model, pruning, new HTuple()));
        state.put("pruning.has_no_scores",
                gen instanceof HOperatorException e && e.getErrorCode() == 7980 ? "no scores" : String.valueOf(gen));
        for (String name : List.of("batch_size", "image_width", "image_height")) {
            HTuple value = new HTuple();
            HOperatorSet.GetDlModelParam(openSizeModel, t(name), value);
            state.put("openSizeModel." + name, value);
        }
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(dict, t("keys"), t(), keys);
        state.put("dict.keys", keys);
        HTuple a = new HTuple();
        HOperatorSet.GetDictTuple(dict, t("a"), a);
        state.put("dict.a", a);
        HTuple sampleKeys = new HTuple();
        HOperatorSet.GetDictParam(sample, t("keys"), t(), sampleKeys);
        state.put("sample.keys", sampleKeys);
        for (HTuple h : List.of(model, otherModel, openSizeModel, pruning, dict, sample)) {
            state.put("live." + h, ((HHandle) h.getH()).isInitialized());
        }
        for (HTuple h : List.of(clearedDict, clearedModel, clearedPruning)) {
            state.put("cleared." + h, ((HHandle) h.getH()).isInitialized());
        }
        return state;
    }
}
