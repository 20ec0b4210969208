package dev.hprune.halcon;

import dev.hprune.compat.dict.DictOperators;
import dev.hprune.compat.dictfile.DictFiles;
import dev.hprune.compat.dl.DlDeviceOperators;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.ErrorOperators;
import dev.hprune.compat.prune.DlPruningOperators;
import dev.hprune.compat.prune.ModelCostParams;
import dev.hprune.compat.handle.HandleOperators;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.DomainOperators;
import dev.hprune.compat.image.ImageOperators;
import dev.hprune.compat.image.PixelOperators;
import dev.hprune.compat.image.ObjectOperators;
import dev.hprune.compat.system.FileOperators;
import dev.hprune.compat.system.SystemOperators;
import dev.hprune.compat.tuple.TupleOperators;
import java.util.List;

/**
 * HALCON's operators as static methods with HALCON's names and parameter order (iconic inputs, iconic outputs, control
 * inputs, control outputs). Output parameters are objects the operator fills in place; they are written only when the
 * operator succeeds, so a failed call leaves them as they were. Every failure is an {@link HOperatorException} with
 * HALCON's error number.
 */
public final class HOperatorSet {
    private HOperatorSet() {}

    // ---- errors ----

    /** get_error_text( : : ErrorCode : ErrorText): HALCON's standard text for an error number. */
    public static void GetErrorText(HTuple errorCode, HTuple errorText) {
        Operator.run("get_error_text", () -> {
            Operator.checkOut(errorText);
            Operator.out(errorText, ErrorOperators.getErrorText(Operator.in(errorCode)));
        });
    }

    // ---- handles ----

    /** clear_handle( : : Handle : ): clears every handle of the tuple; a cleared handle raises 2454 when used again. */
    public static void ClearHandle(HTuple handle) {
        Operator.run("clear_handle", () -> HandleOperators.clearHandle(Operator.in(handle)));
    }

    // ---- dicts ----

    public static void CreateDict(HTuple dictHandle) {
        Operator.run("create_dict", () -> {
            Operator.checkOut(dictHandle);
            Operator.out(dictHandle, List.of(DictOperators.createDict()));
        });
    }

    public static void SetDictTuple(HTuple dictHandle, HTuple key, HTuple tuple) {
        Operator.run("set_dict_tuple",
                () -> DictOperators.setDictTuple(Operator.in(dictHandle), Operator.in(key), Operator.in(tuple)));
    }

    public static void GetDictTuple(HTuple dictHandle, HTuple key, HTuple tuple) {
        Operator.run("get_dict_tuple", () -> {
            Operator.checkOut(tuple);
            Operator.out(tuple, DictOperators.getDictTuple(Operator.in(dictHandle), Operator.in(key)));
        });
    }

    public static void SetDictObject(HObject object, HTuple dictHandle, HTuple key) {
        Operator.run("set_dict_object",
                () -> DictOperators.setDictObject(Operator.in(object), Operator.in(dictHandle), Operator.in(key)));
    }

    public static void GetDictObject(HObject object, HTuple dictHandle, HTuple key) {
        Operator.run("get_dict_object", () -> {
            Operator.checkOut(object);
            object.replaceWith(DictOperators.getDictObject(Operator.in(dictHandle), Operator.in(key)));
        });
    }

    public static void GetDictParam(HTuple dictHandle, HTuple genParamName, HTuple key, HTuple genParamValue) {
        Operator.run("get_dict_param", () -> {
            Operator.checkOut(genParamValue);
            Operator.out(genParamValue, DictOperators.getDictParam(
                    Operator.in(dictHandle), Operator.in(genParamName), Operator.in(key)));
        });
    }

    public static void RemoveDictKey(HTuple dictHandle, HTuple key) {
        Operator.run("remove_dict_key", () -> DictOperators.removeDictKey(Operator.in(dictHandle), Operator.in(key)));
    }

    /**
     * read_dict( : : FileName, GenParamName, GenParamValue : DictHandle): hprune's binary '.hdict' or JSON (by content;
     * the ending must agree); GenParam 'json_value_true', 'json_value_false', 'json_value_null'. 5200 missing file, 5238
     * a file that is neither format (HALCON's own .hdict files included).
     */
    public static void ReadDict(HTuple fileName, HTuple genParamName, HTuple genParamValue, HTuple dictHandle) {
        Operator.run("read_dict", () -> {
            Operator.checkOut(dictHandle);
            Operator.out(dictHandle, List.of(DictFiles.readDict(
                    Operator.in(fileName), Operator.in(genParamName), Operator.in(genParamValue))));
        });
    }

    /**
     * write_dict( : : DictHandle, FileName, GenParamName, GenParamValue : ): 'file_type' 'hdict' (default) or 'json'
     * (default for a '.json' name), 'raise_error_if_content_not_serializable'; atomic.
     */
    public static void WriteDict(HTuple dictHandle, HTuple fileName, HTuple genParamName, HTuple genParamValue) {
        Operator.run("write_dict", () -> DictFiles.writeDict(Operator.in(dictHandle), Operator.in(fileName),
                Operator.in(genParamName), Operator.in(genParamValue)));
    }

    /** copy_dict( : : DictHandle, GenParamName, GenParamValue : CopiedDictHandle): a deep copy. */
    public static void CopyDict(HTuple dictHandle, HTuple genParamName, HTuple genParamValue,
            HTuple copiedDictHandle) {
        Operator.run("copy_dict", () -> {
            Operator.checkOut(copiedDictHandle);
            Operator.out(copiedDictHandle, List.of(DictFiles.copyDict(
                    Operator.in(dictHandle), Operator.in(genParamName), Operator.in(genParamValue))));
        });
    }

    // ---- images ----

    public static void ReadImage(HObject image, HTuple fileName) {
        Operator.run("read_image", () -> {
            Operator.checkOut(image);
            image.replaceWith(ImageOperators.readImage(Operator.in(fileName)));
        });
    }

    public static void GenImageConst(HObject image, HTuple type, HTuple width, HTuple height) {
        Operator.run("gen_image_const", () -> {
            Operator.checkOut(image);
            image.replaceWith(ImageOperators.genImageConst(Operator.in(type), Operator.in(width), Operator.in(height)));
        });
    }

    public static void GetImageSize(HObject image, HTuple width, HTuple height) {
        Operator.run("get_image_size", () -> {
            Operator.checkOut(width, height);
            List<List<Object>> size = ImageOperators.getImageSize(Operator.in(image));
            Operator.out(width, size.get(0));
            Operator.out(height, size.get(1));
        });
    }

    public static void CountChannels(HObject multiChannelImage, HTuple channels) {
        Operator.run("count_channels", () -> {
            Operator.checkOut(channels);
            Operator.out(channels, ImageOperators.countChannels(Operator.in(multiChannelImage)));
        });
    }

    public static void ZoomImageSize(HObject image, HObject imageZoom, HTuple width, HTuple height,
            HTuple interpolation) {
        Operator.run("zoom_image_size", () -> {
            Operator.checkOut(imageZoom);
            imageZoom.replaceWith(ImageOperators.zoomImageSize(Operator.in(image), Operator.in(width),
                    Operator.in(height), Operator.in(interpolation)));
        });
    }

    public static void ConvertImageType(HObject image, HObject imageConverted, HTuple newType) {
        Operator.run("convert_image_type", () -> {
            Operator.checkOut(imageConverted);
            imageConverted.replaceWith(ImageOperators.convertImageType(Operator.in(image), Operator.in(newType)));
        });
    }

    public static void Compose3(HObject image1, HObject image2, HObject image3, HObject multiChannelImage) {
        Operator.run("compose3", () -> {
            Operator.checkOut(multiChannelImage);
            multiChannelImage.replaceWith(
                    ImageOperators.compose3(Operator.in(image1), Operator.in(image2), Operator.in(image3)));
        });
    }

    public static void Decompose3(HObject multiChannelImage, HObject image1, HObject image2, HObject image3) {
        Operator.run("decompose3", () -> {
            Operator.checkOut(image1, image2, image3);
            List<List<Image>> channels = ImageOperators.decompose3(Operator.in(multiChannelImage));
            image1.replaceWith(channels.get(0));
            image2.replaceWith(channels.get(1));
            image3.replaceWith(channels.get(2));
        });
    }


    // ---- preprocessing image operators (dev.hprune.compat.image.PixelOperators and DomainOperators) ----

    public static void ScaleImage(HObject image, HObject imageScaled, HTuple mult, HTuple add) {
        Operator.run("scale_image", () -> {
            Operator.checkOut(imageScaled);
            imageScaled.replaceWith(PixelOperators.scaleImage(Operator.in(image), Operator.in(mult), Operator.in(add)));
        });
    }

    public static void Rgb1ToGray(HObject rgbImage, HObject grayImage) {
        Operator.run("rgb1_to_gray", () -> {
            Operator.checkOut(grayImage);
            grayImage.replaceWith(PixelOperators.rgb1ToGray(Operator.in(rgbImage)));
        });
    }

    public static void AccessChannel(HObject multiChannelImage, HObject image, HTuple channel) {
        Operator.run("access_channel", () -> {
            Operator.checkOut(image);
            image.replaceWith(PixelOperators.accessChannel(Operator.in(multiChannelImage), Operator.in(channel)));
        });
    }

    public static void AppendChannel(HObject multiChannelImage, HObject image, HObject imageExtended) {
        Operator.run("append_channel", () -> {
            Operator.checkOut(imageExtended);
            imageExtended.replaceWith(
                    PixelOperators.appendChannel(Operator.in(multiChannelImage, 1), Operator.in(image, 2)));
        });
    }

    public static void GetImageType(HObject image, HTuple type) {
        Operator.compute("get_image_type", type, () -> PixelOperators.getImageType(Operator.in(image)));
    }

    public static void CopyImage(HObject image, HObject dupImage) {
        Operator.run("copy_image", () -> {
            Operator.checkOut(dupImage);
            dupImage.replaceWith(PixelOperators.copyImage(Operator.in(image)));
        });
    }

    /** min_max_gray(Regions, Image : : Percent : Min, Max, Range); Regions may hold images, read as their domains. */
    public static void MinMaxGray(HObject regions, HObject image, HTuple percent, HTuple min, HTuple max,
            HTuple range) {
        Operator.run("min_max_gray", () -> {
            Operator.checkOut(min, max, range);
            List<List<Object>> result = PixelOperators.minMaxGray(Operator.iconics(regions), Operator.in(image, 2),
                    Operator.in(percent));
            Operator.out(min, result.get(0));
            Operator.out(max, result.get(1));
            Operator.out(range, result.get(2));
        });
    }

    /**
     * gen_image1 with a Java array in place of HALCON's pixel pointer: {@code byte[]} for 'byte' (unsigned), {@code
     * float[]} for 'real', row after row, exactly Width*Height values; copied. Java has no pointer to hand over, and the
     * api stays free of native access; C callers pass real pointers to {@code T_gen_image1}.
     */
    public static void GenImage1(HObject image, HTuple type, HTuple width, HTuple height, Object pixelPointer) {
        Operator.run("gen_image1", () -> {
            Operator.checkOut(image);
            image.replaceWith(PixelOperators.genImage(Operator.in(type), Operator.in(width), Operator.in(height),
                    java.util.Arrays.asList(pixelPointer)));
        });
    }

    /** gen_image3 with three Java arrays (red, green, blue) in place of the pointers; as {@link #GenImage1}. */
    public static void GenImage3(HObject imageRGB, HTuple type, HTuple width, HTuple height, Object pixelPointerRed,
            Object pixelPointerGreen, Object pixelPointerBlue) {
        Operator.run("gen_image3", () -> {
            Operator.checkOut(imageRGB);
            imageRGB.replaceWith(PixelOperators.genImage(Operator.in(type), Operator.in(width), Operator.in(height),
                    java.util.Arrays.asList(pixelPointerRed, pixelPointerGreen, pixelPointerBlue)));
        });
    }

    /**
     * get_image_pointer1 without a pointer: Java cannot address pixel memory, so {@code pointer} receives the first
     * channel's pixel values themselves, row after row (integers for 'byte', reals for 'real'); Image must be one
     * image. C callers get a real pointer from {@code T_get_image_pointer1}.
     */
    public static void GetImagePointer1(HObject image, HTuple pointer, HTuple type, HTuple width, HTuple height) {
        Operator.run("get_image_pointer1", () -> {
            Operator.checkOut(pointer, type, width, height);
            List<List<Object>> result = PixelOperators.getImagePointer1(Operator.in(image));
            Operator.out(pointer, result.get(0));
            Operator.out(type, result.get(1));
            Operator.out(width, result.get(2));
            Operator.out(height, result.get(3));
        });
    }

    public static void FullDomain(HObject image, HObject imageFull) {
        Operator.run("full_domain", () -> {
            Operator.checkOut(imageFull);
            imageFull.replaceWith(DomainOperators.fullDomain(Operator.in(image)));
        });
    }

    public static void CropDomain(HObject image, HObject imagePart) {
        Operator.run("crop_domain", () -> {
            Operator.checkOut(imagePart);
            imagePart.replaceWith(DomainOperators.cropDomain(Operator.in(image)));
        });
    }

    /** gen_rectangle1( : Rectangle : Row1, Column1, Row2, Column2 : ): hprune's regions are such rectangles. */
    public static void GenRectangle1(HObject rectangle, HTuple row1, HTuple column1, HTuple row2, HTuple column2) {
        Operator.run("gen_rectangle1", () -> {
            Operator.checkOut(rectangle);
            rectangle.replaceWith(DomainOperators.genRectangle1(Operator.in(row1), Operator.in(column1),
                    Operator.in(row2), Operator.in(column2)));
        });
    }

    /** get_domain(Image : Domain : : ): one rectangle region per image. */
    public static void GetDomain(HObject image, HObject domain) {
        Operator.run("get_domain", () -> {
            Operator.checkOut(domain);
            domain.replaceWith(DomainOperators.getDomain(Operator.in(image)));
        });
    }

    /** change_domain(Image, NewDomain : ImageNew : : ); NewDomain is one region, or an image standing for its domain. */
    public static void ChangeDomain(HObject image, HObject newDomain, HObject imageNew) {
        Operator.run("change_domain", () -> {
            Operator.checkOut(imageNew);
            imageNew.replaceWith(DomainOperators.changeDomain(Operator.in(image), Operator.iconics(newDomain)));
        });
    }
    // ---- tuples (semantics and errors: dev.hprune.compat.tuple.TupleOperators) ----

    public static void TupleLength(HTuple tuple, HTuple length) {
        Operator.compute("tuple_length", length, () -> TupleOperators.tupleLength(Operator.in(tuple)));
    }

    public static void TupleSelect(HTuple tuple, HTuple index, HTuple selected) {
        Operator.compute("tuple_select", selected,
                () -> TupleOperators.tupleSelect(Operator.in(tuple), Operator.in(index)));
    }

    public static void TupleSelectRange(HTuple tuple, HTuple leftindex, HTuple rightindex, HTuple selected) {
        Operator.compute("tuple_select_range", selected,
                () -> TupleOperators.tupleSelectRange(Operator.in(tuple), Operator.in(leftindex),
                        Operator.in(rightindex)));
    }

    public static void TupleFirstN(HTuple tuple, HTuple index, HTuple selected) {
        Operator.compute("tuple_first_n", selected,
                () -> TupleOperators.tupleFirstN(Operator.in(tuple), Operator.in(index)));
    }

    public static void TupleLastN(HTuple tuple, HTuple index, HTuple selected) {
        Operator.compute("tuple_last_n", selected,
                () -> TupleOperators.tupleLastN(Operator.in(tuple), Operator.in(index)));
    }

    public static void TupleFind(HTuple tuple, HTuple toFind, HTuple index) {
        Operator.compute("tuple_find", index, () -> TupleOperators.tupleFind(Operator.in(tuple), Operator.in(toFind)));
    }

    public static void TupleUniq(HTuple tuple, HTuple uniq) {
        Operator.compute("tuple_uniq", uniq, () -> TupleOperators.tupleUniq(Operator.in(tuple)));
    }

    public static void TupleInverse(HTuple tuple, HTuple inverted) {
        Operator.compute("tuple_inverse", inverted, () -> TupleOperators.tupleInverse(Operator.in(tuple)));
    }

    public static void TupleConcat(HTuple t1, HTuple t2, HTuple concat) {
        Operator.compute("tuple_concat", concat, () -> TupleOperators.tupleConcat(Operator.in(t1), Operator.in(t2)));
    }

    public static void TupleSort(HTuple tuple, HTuple sorted) {
        Operator.compute("tuple_sort", sorted, () -> TupleOperators.tupleSort(Operator.in(tuple)));
    }

    public static void TupleSortIndex(HTuple tuple, HTuple indices) {
        Operator.compute("tuple_sort_index", indices, () -> TupleOperators.tupleSortIndex(Operator.in(tuple)));
    }

    public static void TupleGenSequence(HTuple start, HTuple end, HTuple step, HTuple sequence) {
        Operator.compute("tuple_gen_sequence", sequence,
                () -> TupleOperators.tupleGenSequence(Operator.in(start), Operator.in(end), Operator.in(step)));
    }

    public static void TupleGenConst(HTuple length, HTuple constVal, HTuple newtuple) {
        Operator.compute("tuple_gen_const", newtuple,
                () -> TupleOperators.tupleGenConst(Operator.in(length), Operator.in(constVal)));
    }

    public static void TupleRand(HTuple length, HTuple rand) {
        Operator.compute("tuple_rand", rand, () -> TupleOperators.tupleRand(Operator.in(length)));
    }

    public static void TupleSum(HTuple tuple, HTuple sum) {
        Operator.compute("tuple_sum", sum, () -> TupleOperators.tupleSum(Operator.in(tuple)));
    }

    public static void TupleMax(HTuple tuple, HTuple max) {
        Operator.compute("tuple_max", max, () -> TupleOperators.tupleMax(Operator.in(tuple)));
    }

    public static void TupleMin(HTuple tuple, HTuple min) {
        Operator.compute("tuple_min", min, () -> TupleOperators.tupleMin(Operator.in(tuple)));
    }

    public static void TupleMean(HTuple tuple, HTuple mean) {
        Operator.compute("tuple_mean", mean, () -> TupleOperators.tupleMean(Operator.in(tuple)));
    }

    public static void TupleRound(HTuple t, HTuple round) {
        Operator.compute("tuple_round", round, () -> TupleOperators.tupleRound(Operator.in(t)));
    }

    public static void TupleInt(HTuple t, HTuple intVal) {
        Operator.compute("tuple_int", intVal, () -> TupleOperators.tupleInt(Operator.in(t)));
    }

    public static void TupleReal(HTuple t, HTuple real) {
        Operator.compute("tuple_real", real, () -> TupleOperators.tupleReal(Operator.in(t)));
    }

    public static void TupleString(HTuple t, HTuple format, HTuple stringVal) {
        Operator.compute("tuple_string", stringVal,
                () -> TupleOperators.tupleString(Operator.in(t), Operator.in(format)));
    }

    public static void TupleEqual(HTuple t1, HTuple t2, HTuple equal) {
        Operator.compute("tuple_equal", equal, () -> TupleOperators.tupleEqual(Operator.in(t1), Operator.in(t2)));
    }

    public static void TupleRegexpMatch(HTuple data, HTuple expression, HTuple matches) {
        Operator.compute("tuple_regexp_match", matches,
                () -> TupleOperators.tupleRegexpMatch(Operator.in(data), Operator.in(expression)));
    }

    public static void TupleSplit(HTuple stringVal, HTuple separator, HTuple substrings) {
        Operator.compute("tuple_split", substrings,
                () -> TupleOperators.tupleSplit(Operator.in(stringVal), Operator.in(separator)));
    }

    public static void TupleStrstr(HTuple stringVal, HTuple toFind, HTuple position) {
        Operator.compute("tuple_strstr", position,
                () -> TupleOperators.tupleStrstr(Operator.in(stringVal), Operator.in(toFind)));
    }

    public static void TupleStrBitSelect(HTuple tuple, HTuple index, HTuple selected) {
        Operator.compute("tuple_str_bit_select", selected,
                () -> TupleOperators.tupleStrBitSelect(Operator.in(tuple), Operator.in(index)));
    }

    public static void TupleAdd(HTuple s1, HTuple s2, HTuple sum) {
        Operator.compute("tuple_add", sum, () -> TupleOperators.tupleAdd(Operator.in(s1), Operator.in(s2)));
    }

    public static void TupleSub(HTuple d1, HTuple d2, HTuple diff) {
        Operator.compute("tuple_sub", diff, () -> TupleOperators.tupleSub(Operator.in(d1), Operator.in(d2)));
    }

    public static void TupleMult(HTuple p1, HTuple p2, HTuple prod) {
        Operator.compute("tuple_mult", prod, () -> TupleOperators.tupleMult(Operator.in(p1), Operator.in(p2)));
    }

    public static void TupleDiv(HTuple q1, HTuple q2, HTuple quot) {
        Operator.compute("tuple_div", quot, () -> TupleOperators.tupleDiv(Operator.in(q1), Operator.in(q2)));
    }
    // ---- system (dev.hprune.compat.system) ----

    /** set_system( : : SystemParameter, Value : ): 'seed_rand' seeds hprune's one random source (RandomSource). */
    public static void SetSystem(HTuple systemParameter, HTuple value) {
        Operator.run("set_system", () -> SystemOperators.setSystem(Operator.in(systemParameter), Operator.in(value)));
    }

    /** get_system( : : Query : Information). */
    public static void GetSystem(HTuple query, HTuple information) {
        Operator.compute("get_system", information, () -> SystemOperators.getSystem(Operator.in(query)));
    }

    // ---- files ----

    public static void FileExists(HTuple fileName, HTuple fileExists) {
        Operator.compute("file_exists", fileExists, () -> FileOperators.fileExists(Operator.in(fileName)));
    }

    public static void ListFiles(HTuple directory, HTuple options, HTuple files) {
        Operator.compute("list_files", files,
                () -> FileOperators.listFiles(Operator.in(directory), Operator.in(options)));
    }

    public static void MakeDir(HTuple dirName) {
        Operator.run("make_dir", () -> FileOperators.makeDir(Operator.in(dirName)));
    }

    public static void RemoveDir(HTuple dirName) {
        Operator.run("remove_dir", () -> FileOperators.removeDir(Operator.in(dirName)));
    }

    public static void DeleteFile(HTuple fileName) {
        Operator.run("delete_file", () -> FileOperators.deleteFile(Operator.in(fileName)));
    }

    // ---- object tuples (dev.hprune.compat.image.ObjectOperators; indices count from 1) ----

    public static void GenEmptyObj(HObject emptyObject) {
        Operator.run("gen_empty_obj", () -> {
            Operator.checkOut(emptyObject);
            emptyObject.replaceWith(ObjectOperators.genEmptyObj());
        });
    }

    public static void ConcatObj(HObject objects1, HObject objects2, HObject objectsConcat) {
        Operator.run("concat_obj", () -> {
            Operator.checkOut(objectsConcat);
            objectsConcat.replaceWith(
                    ObjectOperators.concatObj(Operator.iconics(objects1), Operator.iconics(objects2)));
        });
    }

    public static void SelectObj(HObject objects, HObject objectSelected, HTuple index) {
        Operator.run("select_obj", () -> {
            Operator.checkOut(objectSelected);
            objectSelected.replaceWith(ObjectOperators.selectObj(Operator.iconics(objects), Operator.in(index)));
        });
    }

    public static void CountObj(HObject objects, HTuple number) {
        Operator.compute("count_obj", number, () -> ObjectOperators.countObj(Operator.iconics(objects)));
    }

    /** replace_obj(Objects, ObjectsReplace : Objects : Index : ); the output Objects is {@code objectsResult} here. */
    public static void ReplaceObj(HObject objects, HObject objectsReplace, HObject objectsResult, HTuple index) {
        Operator.run("replace_obj", () -> {
            Operator.checkOut(objectsResult);
            objectsResult.replaceWith(ObjectOperators.replaceObj(Operator.iconics(objects),
                    Operator.iconics(objectsReplace), Operator.in(index)));
        });
    }


    // ---- deep-learning models ----

    public static void ReadDlModel(HTuple fileName, HTuple dlModelHandle) {
        Operator.run("read_dl_model", () -> {
            Operator.checkOut(dlModelHandle);
            Operator.out(dlModelHandle, List.of(DlModelOperators.readDlModel(Operator.in(fileName))));
        });
    }

    public static void WriteDlModel(HTuple dlModelHandle, HTuple fileName) {
        Operator.run("write_dl_model",
                () -> DlModelOperators.writeDlModel(Operator.in(dlModelHandle), Operator.in(fileName)));
    }

    public static void ApplyDlModel(HTuple dlModelHandle, HTuple dlSampleBatch, HTuple outputs,
            HTuple dlResultBatch) {
        Operator.run("apply_dl_model", () -> {
            Operator.checkOut(dlResultBatch);
            Operator.out(dlResultBatch, DlModelOperators.applyDlModel(Operator.in(dlModelHandle),
                    Operator.in(dlSampleBatch), Operator.in(outputs)));
        });
    }

    public static void TrainDlModelBatch(HTuple dlModelHandle, HTuple dlSampleBatch, HTuple dlTrainResult) {
        Operator.run("train_dl_model_batch", () -> {
            Operator.checkOut(dlTrainResult);
            Operator.out(dlTrainResult, List.of(DlModelOperators.trainDlModelBatch(Operator.in(dlModelHandle),
                    Operator.in(dlSampleBatch))));
        });
    }

    public static void GetDlModelParam(HTuple dlModelHandle, HTuple genParamName, HTuple genParamValue) {
        Operator.run("get_dl_model_param", () -> {
            Operator.checkOut(genParamValue);
            List<Object> name = Operator.in(genParamName);
            // hprune's 'hprune_*' size parameters are answered by the pruning package (it counts on the graph)
            Operator.out(genParamValue, ModelCostParams.handles(name)
                    ? ModelCostParams.get(Operator.in(dlModelHandle), name)
                    : DlModelOperators.getDlModelParam(Operator.in(dlModelHandle), name));
        });
    }

    /** query_available_dl_devices: device handles whose parameters match the filter ([] and [] for all). */
    public static void QueryAvailableDlDevices(HTuple genParamName, HTuple genParamValue, HTuple dlDeviceHandles) {
        Operator.run("query_available_dl_devices", () -> {
            Operator.checkOut(dlDeviceHandles);
            Operator.out(dlDeviceHandles, DlDeviceOperators.queryAvailableDlDevices(Operator.in(genParamName),
                    Operator.in(genParamValue)));
        });
    }

    public static void GetDlDeviceParam(HTuple dlDeviceHandle, HTuple genParamName, HTuple genParamValue) {
        Operator.run("get_dl_device_param", () -> {
            Operator.checkOut(genParamValue);
            Operator.out(genParamValue,
                    DlDeviceOperators.getDlDeviceParam(Operator.in(dlDeviceHandle), Operator.in(genParamName)));
        });
    }

    public static void SetDlModelParam(HTuple dlModelHandle, HTuple genParamName, HTuple genParamValue) {
        Operator.run("set_dl_model_param", () -> DlModelOperators.setDlModelParam(Operator.in(dlModelHandle),
                Operator.in(genParamName), Operator.in(genParamValue)));
    }

    /**
     * load_dl_model_weights( : : DLModelHandleSource, DLModelHandleTarget : ChangesByLayer): the target's layers take
     * the source's weights where a layer of the same name has weights of the same shapes; ChangesByLayer counts the
     * changed values per target layer. Source and target must differ (1302).
     */
    public static void LoadDlModelWeights(HTuple dlModelHandleSource, HTuple dlModelHandleTarget,
            HTuple changesByLayer) {
        Operator.run("load_dl_model_weights", () -> {
            Operator.checkOut(changesByLayer);
            Operator.out(changesByLayer, DlModelOperators.loadDlModelWeights(Operator.in(dlModelHandleSource),
                    Operator.in(dlModelHandleTarget)));
        });
    }

    /** clear_dl_model( : : DLModelHandle : ): releases the model; later use raises 2454. */
    public static void ClearDlModel(HTuple dlModelHandle) {
        Operator.run("clear_dl_model", () -> {
            DlModelOperators.model(Operator.in(dlModelHandle));
            HandleOperators.clearHandle(Operator.in(dlModelHandle));
        });
    }

    // ---- pruning ----

    public static void CreateDlPruning(HTuple dlModelHandle, HTuple mode, HTuple genParam, HTuple dlPruningHandle) {
        Operator.run("create_dl_pruning", () -> {
            Operator.checkOut(dlPruningHandle);
            Operator.out(dlPruningHandle, List.of(DlPruningOperators.createDlPruning(Operator.in(dlModelHandle),
                    Operator.in(mode), Operator.in(genParam))));
        });
    }

    public static void SetDlPruningParam(HTuple dlPruningHandle, HTuple genParamName, HTuple genParamValue) {
        Operator.run("set_dl_pruning_param", () -> DlPruningOperators.setDlPruningParam(Operator.in(dlPruningHandle),
                Operator.in(genParamName), Operator.in(genParamValue)));
    }

    public static void GetDlPruningParam(HTuple dlPruningHandle, HTuple genParamName, HTuple genParamValue) {
        Operator.run("get_dl_pruning_param", () -> {
            Operator.checkOut(genParamValue);
            Operator.out(genParamValue, DlPruningOperators.getDlPruningParam(Operator.in(dlPruningHandle),
                    Operator.in(genParamName)));
        });
    }

    public static void AddDlPruningBatch(HTuple dlModelHandleToPrune, HTuple dlPruningHandle, HTuple dlSampleBatch) {
        Operator.run("add_dl_pruning_batch", () -> DlPruningOperators.addDlPruningBatch(
                Operator.in(dlModelHandleToPrune), Operator.in(dlPruningHandle), Operator.in(dlSampleBatch)));
    }

    // ---- hprune's own: scores that travel between processes ----

    /** hprune's write_dl_pruning_scores( : : DLPruningHandle, FileName : ): the handle's oracle scores to a file. */
    public static void WriteDlPruningScores(HTuple dlPruningHandle, HTuple fileName) {
        Operator.run("write_dl_pruning_scores", () -> DlPruningOperators.writeDlPruningScores(
                Operator.in(dlPruningHandle), Operator.in(fileName)));
    }

    /** hprune's read_dl_pruning_scores( : : DLPruningHandle, FileName : ): replaces the scores with a file's. */
    public static void ReadDlPruningScores(HTuple dlPruningHandle, HTuple fileName) {
        Operator.run("read_dl_pruning_scores", () -> DlPruningOperators.readDlPruningScores(
                Operator.in(dlPruningHandle), Operator.in(fileName)));
    }

    /** hprune's add_dl_pruning_scores( : : DLPruningHandle, DLPruningHandleOther : ): adds the other's scores. */
    public static void AddDlPruningScores(HTuple dlPruningHandle, HTuple dlPruningHandleOther) {
        Operator.run("add_dl_pruning_scores", () -> DlPruningOperators.addDlPruningScores(
                Operator.in(dlPruningHandle), Operator.in(dlPruningHandleOther)));
    }

    public static void GenDlPrunedModel(HTuple dlModelHandleToPrune, HTuple dlPruningHandle,
            HTuple dlModelHandlePruned) {
        Operator.run("gen_dl_pruned_model", () -> {
            Operator.checkOut(dlModelHandlePruned);
            Operator.out(dlModelHandlePruned, List.of(DlPruningOperators.genDlPrunedModel(
                    Operator.in(dlModelHandleToPrune), Operator.in(dlPruningHandle))));
        });
    }
}
