package dev.hprune.cshim;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;

/** The test's view of libhprune_c, as a C caller sees HalconC.h: Htuple and Hobject are pointers. */
public interface HalconCLibrary extends Library {
    HalconCLibrary C = Native.load(libraryPath().toString(), HalconCLibrary.class);

    static Path libraryDir() {
        return Path.of(System.getProperty("hprune.cshim.dir", "target"));
    }

    static Path libraryPath() {
        return libraryDir().resolve("libhprune_c.so").toAbsolutePath();
    }

    // tuples
    int create_tuple(PointerByReference t, long length);
    int create_tuple_type(PointerByReference t, long length, int type);
    int create_tuple_i(PointerByReference t, long value);
    int create_tuple_d(PointerByReference t, double value);
    int create_tuple_s(PointerByReference t, String value);
    int create_tuple_h(PointerByReference t, long handle);
    int reuse_tuple_i(PointerByReference t, long value);
    int reuse_tuple_d(PointerByReference t, double value);
    int reuse_tuple_s(PointerByReference t, String value);
    int set_i(Pointer t, long value, long index);
    int set_d(Pointer t, double value, long index);
    int set_s(Pointer t, String value, long index);
    int set_h(Pointer t, long handle, long index);
    long get_i(Pointer t, long index);
    double get_d(Pointer t, long index);
    String get_s(Pointer t, long index);
    long get_h(Pointer t, long index);
    int get_type(Pointer t, long index);
    int get_tuple_type(Pointer t);
    long length_tuple(Pointer t);
    int destroy_tuple(Pointer t);
    int copy_tuple(Pointer in, PointerByReference out);
    int resize_tuple(Pointer t, long length);

    // objects and errors
    int count_obj(Pointer objects, long[] number);
    int clear_obj(Pointer objects);
    String hprune_last_error_text();
    int hprune_last_error_code();
    int get_error_text(long code, byte[] text);
    int T_get_error_text(Pointer code, PointerByReference text);

    // handles and dicts
    int T_clear_handle(Pointer handle);
    int T_create_dict(PointerByReference dict);
    int T_set_dict_tuple(Pointer dict, Pointer key, Pointer tuple);
    int T_get_dict_tuple(Pointer dict, Pointer key, PointerByReference tuple);
    int T_set_dict_object(Pointer object, Pointer dict, Pointer key);
    int T_get_dict_object(PointerByReference object, Pointer dict, Pointer key);
    int T_get_dict_param(Pointer dict, Pointer name, Pointer key, PointerByReference value);
    int T_remove_dict_key(Pointer dict, Pointer key);
    int T_read_dict(Pointer fileName, Pointer genParamName, Pointer genParamValue, PointerByReference dict);
    int T_write_dict(Pointer dict, Pointer fileName, Pointer genParamName, Pointer genParamValue);
    int T_copy_dict(Pointer dict, Pointer genParamName, Pointer genParamValue, PointerByReference copied);

    // images
    int T_read_image(PointerByReference image, Pointer fileName);
    int T_gen_image_const(PointerByReference image, Pointer type, Pointer width, Pointer height);
    int T_gen_image1(PointerByReference image, Pointer type, Pointer width, Pointer height, Pointer pixels);
    int T_gen_image3(PointerByReference image, Pointer type, Pointer width, Pointer height, Pointer red,
            Pointer green, Pointer blue);
    int T_get_image_size(Pointer image, PointerByReference width, PointerByReference height);
    int T_count_channels(Pointer image, PointerByReference channels);
    int T_zoom_image_size(Pointer image, PointerByReference zoomed, Pointer width, Pointer height,
            Pointer interpolation);
    int T_convert_image_type(Pointer image, PointerByReference converted, Pointer newType);
    int T_compose3(Pointer image1, Pointer image2, Pointer image3, PointerByReference multiChannel);
    int T_decompose3(Pointer multiChannel, PointerByReference image1, PointerByReference image2,
            PointerByReference image3);
    int T_scale_image(Pointer image, PointerByReference scaled, Pointer mult, Pointer add);
    int rgb1_to_gray(Pointer rgb, PointerByReference gray);
    int T_access_channel(Pointer multiChannel, PointerByReference image, Pointer channel);
    int append_channel(Pointer multiChannel, Pointer image, PointerByReference extended);
    int T_get_image_type(Pointer image, PointerByReference type);
    int copy_image(Pointer image, PointerByReference dup);
    int T_min_max_gray(Pointer regions, Pointer image, Pointer percent, PointerByReference min,
            PointerByReference max, PointerByReference range);
    int T_get_image_pointer1(Pointer image, PointerByReference pointer, PointerByReference type,
            PointerByReference width, PointerByReference height);
    int full_domain(Pointer image, PointerByReference full);
    int crop_domain(Pointer image, PointerByReference part);
    int T_gen_rectangle1(PointerByReference rectangle, Pointer row1, Pointer column1, Pointer row2, Pointer column2);
    int get_domain(Pointer image, PointerByReference domain);
    int change_domain(Pointer image, Pointer newDomain, PointerByReference imageNew);

    // object tuples (issue 14); TupleSystemFileOperatorsTest calls the T_ tuple, system and file operators by name
    int gen_empty_obj(PointerByReference empty);
    int concat_obj(Pointer objects1, Pointer objects2, PointerByReference concat);
    int select_obj(Pointer objects, PointerByReference selected, long index);
    int T_select_obj(Pointer objects, PointerByReference selected, Pointer index);
    int T_count_obj(Pointer objects, PointerByReference number);
    int T_replace_obj(Pointer objects, Pointer objectsReplace, PointerByReference result, Pointer index);

    // models
    int T_read_dl_model(Pointer fileName, PointerByReference model);
    int T_write_dl_model(Pointer model, Pointer fileName);
    int T_apply_dl_model(Pointer model, Pointer samples, Pointer outputs, PointerByReference results);
    int T_train_dl_model_batch(Pointer model, Pointer samples, PointerByReference trainResult);
    int T_get_dl_model_param(Pointer model, Pointer name, PointerByReference value);
    int T_set_dl_model_param(Pointer model, Pointer name, Pointer value);
    int T_clear_dl_model(Pointer model);
    int T_query_available_dl_devices(Pointer names, Pointer values, PointerByReference devices);
    int T_get_dl_device_param(Pointer device, Pointer name, PointerByReference value);

    int T_load_dl_model_weights(Pointer source, Pointer target, PointerByReference changesByLayer);

    // pruning
    int T_create_dl_pruning(Pointer model, Pointer mode, Pointer genParam, PointerByReference pruning);
    int T_set_dl_pruning_param(Pointer pruning, Pointer name, Pointer value);
    int T_get_dl_pruning_param(Pointer pruning, Pointer name, PointerByReference value);
    int T_add_dl_pruning_batch(Pointer model, Pointer pruning, Pointer samples);
    int T_gen_dl_pruned_model(Pointer model, Pointer pruning, PointerByReference pruned);
    int T_write_dl_pruning_scores(Pointer pruning, Pointer fileName);
    int T_read_dl_pruning_scores(Pointer pruning, Pointer fileName);
    int T_add_dl_pruning_scores(Pointer pruning, Pointer pruningOther);
}
