package dev.hprune.cshim;

import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One operator the C library offers: its HALCON name, its parameter counts (iconic in, iconic out, control in, control
 * out, as in {@code operators.c}) and the Java call it makes, almost always the {@link HOperatorSet} method of that name.
 */
record JavaOperator(String name, int objIn, int objOut, int ctrlIn, int ctrlOut, Body body) {

    /** The call, with parameters in HALCON's order; outputs are fresh objects the call fills. */
    @FunctionalInterface
    interface Body {
        void run(HObject[] oi, HObject[] oo, HTuple[] ci, HTuple[] co);
    }

    static final List<JavaOperator> ALL = List.of(
            new JavaOperator("clear_handle", 0, 0, 1, 0, (oi, oo, ci, co) -> HOperatorSet.ClearHandle(ci[0])),
            new JavaOperator("create_dict", 0, 0, 0, 1, (oi, oo, ci, co) -> HOperatorSet.CreateDict(co[0])),
            new JavaOperator("set_dict_tuple", 0, 0, 3, 0,
                    (oi, oo, ci, co) -> HOperatorSet.SetDictTuple(ci[0], ci[1], ci[2])),
            new JavaOperator("get_dict_tuple", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GetDictTuple(ci[0], ci[1], co[0])),
            new JavaOperator("set_dict_object", 1, 0, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.SetDictObject(oi[0], ci[0], ci[1])),
            new JavaOperator("get_dict_object", 0, 1, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.GetDictObject(oo[0], ci[0], ci[1])),
            new JavaOperator("get_dict_param", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GetDictParam(ci[0], ci[1], ci[2], co[0])),
            new JavaOperator("remove_dict_key", 0, 0, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.RemoveDictKey(ci[0], ci[1])),
            new JavaOperator("read_dict", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> HOperatorSet.ReadDict(ci[0], ci[1], ci[2], co[0])),
            new JavaOperator("write_dict", 0, 0, 4, 0,
                    (oi, oo, ci, co) -> HOperatorSet.WriteDict(ci[0], ci[1], ci[2], ci[3])),
            new JavaOperator("copy_dict", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> HOperatorSet.CopyDict(ci[0], ci[1], ci[2], co[0])),
            new JavaOperator("read_image", 0, 1, 1, 0, (oi, oo, ci, co) -> HOperatorSet.ReadImage(oo[0], ci[0])),
            new JavaOperator("gen_image_const", 0, 1, 3, 0,
                    (oi, oo, ci, co) -> HOperatorSet.GenImageConst(oo[0], ci[0], ci[1], ci[2])),
            new JavaOperator("gen_image1", 0, 1, 4, 0,
                    (oi, oo, ci, co) -> oo[0] = PixelImages.generate("gen_image1", oo[0], ci)),
            new JavaOperator("gen_image3", 0, 1, 6, 0,
                    (oi, oo, ci, co) -> oo[0] = PixelImages.generate("gen_image3", oo[0], ci)),
            new JavaOperator("get_image_size", 1, 0, 0, 2,
                    (oi, oo, ci, co) -> HOperatorSet.GetImageSize(oi[0], co[0], co[1])),
            new JavaOperator("count_channels", 1, 0, 0, 1,
                    (oi, oo, ci, co) -> HOperatorSet.CountChannels(oi[0], co[0])),
            new JavaOperator("zoom_image_size", 1, 1, 3, 0,
                    (oi, oo, ci, co) -> HOperatorSet.ZoomImageSize(oi[0], oo[0], ci[0], ci[1], ci[2])),
            new JavaOperator("convert_image_type", 1, 1, 1, 0,
                    (oi, oo, ci, co) -> HOperatorSet.ConvertImageType(oi[0], oo[0], ci[0])),
            new JavaOperator("compose3", 3, 1, 0, 0,
                    (oi, oo, ci, co) -> HOperatorSet.Compose3(oi[0], oi[1], oi[2], oo[0])),
            new JavaOperator("decompose3", 1, 3, 0, 0,
                    (oi, oo, ci, co) -> HOperatorSet.Decompose3(oi[0], oo[0], oo[1], oo[2])),
            new JavaOperator("scale_image", 1, 1, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.ScaleImage(oi[0], oo[0], ci[0], ci[1])),
            new JavaOperator("rgb1_to_gray", 1, 1, 0, 0, (oi, oo, ci, co) -> HOperatorSet.Rgb1ToGray(oi[0], oo[0])),
            new JavaOperator("access_channel", 1, 1, 1, 0,
                    (oi, oo, ci, co) -> HOperatorSet.AccessChannel(oi[0], oo[0], ci[0])),
            new JavaOperator("append_channel", 2, 1, 0, 0,
                    (oi, oo, ci, co) -> HOperatorSet.AppendChannel(oi[0], oi[1], oo[0])),
            new JavaOperator("get_image_type", 1, 0, 0, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GetImageType(oi[0], co[0])),
            new JavaOperator("copy_image", 1, 1, 0, 0, (oi, oo, ci, co) -> HOperatorSet.CopyImage(oi[0], oo[0])),
            new JavaOperator("min_max_gray", 2, 0, 1, 3,
                    (oi, oo, ci, co) -> HOperatorSet.MinMaxGray(oi[0], oi[1], ci[0], co[0], co[1], co[2])),
            new JavaOperator("get_image_pointer1", 1, 0, 0, 4,
                    (oi, oo, ci, co) -> PixelImages.pointer1(oi[0], co[0], co[1], co[2], co[3])),
            new JavaOperator("full_domain", 1, 1, 0, 0, (oi, oo, ci, co) -> HOperatorSet.FullDomain(oi[0], oo[0])),
            new JavaOperator("crop_domain", 1, 1, 0, 0, (oi, oo, ci, co) -> HOperatorSet.CropDomain(oi[0], oo[0])),
            new JavaOperator("gen_rectangle1", 0, 1, 4, 0,
                    (oi, oo, ci, co) -> HOperatorSet.GenRectangle1(oo[0], ci[0], ci[1], ci[2], ci[3])),
            new JavaOperator("get_domain", 1, 1, 0, 0, (oi, oo, ci, co) -> HOperatorSet.GetDomain(oi[0], oo[0])),
            new JavaOperator("change_domain", 2, 1, 0, 0,
                    (oi, oo, ci, co) -> HOperatorSet.ChangeDomain(oi[0], oi[1], oo[0])),
            new JavaOperator("read_dl_model", 0, 0, 1, 1,
                    (oi, oo, ci, co) -> HOperatorSet.ReadDlModel(ci[0], co[0])),
            new JavaOperator("write_dl_model", 0, 0, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.WriteDlModel(ci[0], ci[1])),
            new JavaOperator("apply_dl_model", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> HOperatorSet.ApplyDlModel(ci[0], ci[1], ci[2], co[0])),
            new JavaOperator("train_dl_model_batch", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TrainDlModelBatch(ci[0], ci[1], co[0])),
            new JavaOperator("get_dl_model_param", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GetDlModelParam(ci[0], ci[1], co[0])),
            new JavaOperator("set_dl_model_param", 0, 0, 3, 0,
                    (oi, oo, ci, co) -> HOperatorSet.SetDlModelParam(ci[0], ci[1], ci[2])),
            new JavaOperator("clear_dl_model", 0, 0, 1, 0, (oi, oo, ci, co) -> HOperatorSet.ClearDlModel(ci[0])),
            new JavaOperator("load_dl_model_weights", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.LoadDlModelWeights(ci[0], ci[1], co[0])),
            new JavaOperator("query_available_dl_devices", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.QueryAvailableDlDevices(ci[0], ci[1], co[0])),
            new JavaOperator("get_dl_device_param", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GetDlDeviceParam(ci[0], ci[1], co[0])),
            new JavaOperator("create_dl_pruning", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> HOperatorSet.CreateDlPruning(ci[0], ci[1], ci[2], co[0])),
            new JavaOperator("set_dl_pruning_param", 0, 0, 3, 0,
                    (oi, oo, ci, co) -> HOperatorSet.SetDlPruningParam(ci[0], ci[1], ci[2])),
            new JavaOperator("get_dl_pruning_param", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GetDlPruningParam(ci[0], ci[1], co[0])),
            new JavaOperator("add_dl_pruning_batch", 0, 0, 3, 0,
                    (oi, oo, ci, co) -> HOperatorSet.AddDlPruningBatch(ci[0], ci[1], ci[2])),
            new JavaOperator("gen_dl_pruned_model", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GenDlPrunedModel(ci[0], ci[1], co[0])),
            new JavaOperator("write_dl_pruning_scores", 0, 0, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.WriteDlPruningScores(ci[0], ci[1])),
            new JavaOperator("read_dl_pruning_scores", 0, 0, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.ReadDlPruningScores(ci[0], ci[1])),
            new JavaOperator("add_dl_pruning_scores", 0, 0, 2, 0,
                    (oi, oo, ci, co) -> HOperatorSet.AddDlPruningScores(ci[0], ci[1])),
            // tuples, system, files, object tuples (issue 14)
            new JavaOperator("tuple_length", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleLength(ci[0], co[0])),
            new JavaOperator("tuple_select", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleSelect(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_select_range", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleSelectRange(ci[0], ci[1], ci[2], co[0])),
            new JavaOperator("tuple_first_n", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleFirstN(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_last_n", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleLastN(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_find", 0, 0, 2, 1, (oi, oo, ci, co) -> HOperatorSet.TupleFind(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_uniq", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleUniq(ci[0], co[0])),
            new JavaOperator("tuple_inverse", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleInverse(ci[0], co[0])),
            new JavaOperator("tuple_concat", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleConcat(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_sort", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleSort(ci[0], co[0])),
            new JavaOperator("tuple_sort_index", 0, 0, 1, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleSortIndex(ci[0], co[0])),
            new JavaOperator("tuple_gen_sequence", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleGenSequence(ci[0], ci[1], ci[2], co[0])),
            new JavaOperator("tuple_gen_const", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleGenConst(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_rand", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleRand(ci[0], co[0])),
            new JavaOperator("tuple_sum", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleSum(ci[0], co[0])),
            new JavaOperator("tuple_max", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleMax(ci[0], co[0])),
            new JavaOperator("tuple_min", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleMin(ci[0], co[0])),
            new JavaOperator("tuple_mean", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleMean(ci[0], co[0])),
            new JavaOperator("tuple_round", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleRound(ci[0], co[0])),
            new JavaOperator("tuple_int", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleInt(ci[0], co[0])),
            new JavaOperator("tuple_real", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.TupleReal(ci[0], co[0])),
            new JavaOperator("tuple_string", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleString(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_equal", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleEqual(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_regexp_match", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleRegexpMatch(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_split", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleSplit(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_strstr", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleStrstr(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_str_bit_select", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> HOperatorSet.TupleStrBitSelect(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_add", 0, 0, 2, 1, (oi, oo, ci, co) -> HOperatorSet.TupleAdd(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_sub", 0, 0, 2, 1, (oi, oo, ci, co) -> HOperatorSet.TupleSub(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_mult", 0, 0, 2, 1, (oi, oo, ci, co) -> HOperatorSet.TupleMult(ci[0], ci[1], co[0])),
            new JavaOperator("tuple_div", 0, 0, 2, 1, (oi, oo, ci, co) -> HOperatorSet.TupleDiv(ci[0], ci[1], co[0])),
            new JavaOperator("get_system", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.GetSystem(ci[0], co[0])),
            new JavaOperator("file_exists", 0, 0, 1, 1, (oi, oo, ci, co) -> HOperatorSet.FileExists(ci[0], co[0])),
            new JavaOperator("list_files", 0, 0, 2, 1, (oi, oo, ci, co) -> HOperatorSet.ListFiles(ci[0], ci[1], co[0])),
            new JavaOperator("set_system", 0, 0, 2, 0, (oi, oo, ci, co) -> HOperatorSet.SetSystem(ci[0], ci[1])),
            new JavaOperator("make_dir", 0, 0, 1, 0, (oi, oo, ci, co) -> HOperatorSet.MakeDir(ci[0])),
            new JavaOperator("remove_dir", 0, 0, 1, 0, (oi, oo, ci, co) -> HOperatorSet.RemoveDir(ci[0])),
            new JavaOperator("delete_file", 0, 0, 1, 0, (oi, oo, ci, co) -> HOperatorSet.DeleteFile(ci[0])),
            new JavaOperator("gen_empty_obj", 0, 1, 0, 0, (oi, oo, ci, co) -> HOperatorSet.GenEmptyObj(oo[0])),
            new JavaOperator("concat_obj", 2, 1, 0, 0,
                    (oi, oo, ci, co) -> HOperatorSet.ConcatObj(oi[0], oi[1], oo[0])),
            new JavaOperator("select_obj", 1, 1, 1, 0,
                    (oi, oo, ci, co) -> HOperatorSet.SelectObj(oi[0], oo[0], ci[0])),
            new JavaOperator("replace_obj", 2, 1, 1, 0,
                    (oi, oo, ci, co) -> HOperatorSet.ReplaceObj(oi[0], oi[1], oo[0], ci[0])),
            new JavaOperator("get_error_text", 0, 0, 1, 1,
                    (oi, oo, ci, co) -> HOperatorSet.GetErrorText(ci[0], co[0])),
            new JavaOperator("count_obj", 1, 0, 0, 1, (oi, oo, ci, co) -> {
                if (oi[0] == null) {
                    throw Errors.of(2953, "count_obj", "the object is NULL or was cleared");
                }
                co[0].append(oi[0].countObj());
            }),
            // Removing the number from the registry is the whole job; NativeBridge does it, as only it sees numbers.
            new JavaOperator("clear_obj", 1, 0, 0, 0, (oi, oo, ci, co) -> { }));

    /** The operators and the procedures ({@link JavaProcedures}): operators.c's one table covers both. */
    static final Map<String, JavaOperator> BY_NAME = Stream.concat(ALL.stream(), JavaProcedures.ALL.stream())
            .collect(Collectors.toUnmodifiableMap(JavaOperator::name, Function.identity()));

    int arity(int which) {
        return switch (which) {
            case 0 -> objIn;
            case 1 -> objOut;
            case 2 -> ctrlIn;
            default -> ctrlOut;
        };
    }
}
