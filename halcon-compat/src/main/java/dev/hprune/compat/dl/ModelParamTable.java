package dev.hprune.compat.dl;

import dev.hprune.compat.backend.Device;
import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The parameter table of get/set_dl_model_param: one row per name, read by Get, Set, the unknown-name error and the
 * documentation alike (design.md, "One table per handle type").
 *
 * <p>Errors: an unknown name, or Set of a get-only name, is 7911 (unsupported generic parameter); a value of the wrong
 * type is 1203; a wrong number of values 1403; a value out of range 7914 (unsupported generic value); an unavailable
 * runtime 7913. A batch or image size whose batch could not be held is 7914 too, checked by {@link BatchBuffers} after
 * the row's own check.
 */
final class ModelParamTable {
    private ModelParamTable() {}

    /** What a setter may need to know beyond the parameters themselves: the devices this machine offers. */
    record Context(int classes, Supplier<List<Device>> devices) {}

    /** The row whose getter needs the chosen device (see {@link ModelParams#device()}). */
    static final String DEVICE = "device";

    interface Setter {
        ModelParams set(ModelParams current, List<Object> value, Context context);
    }

    record Row(String name, Function<ModelParams, List<Object>> getter, Setter setter, String doc) {
        boolean settable() {
            return setter != null;
        }
    }

    private static final int VALUE = 3;

    static final List<Row> ROWS = List.of(
            new Row("type", p -> List.of(p.type()), null, "'classification' for a model with one [N, classes] output"),
            new Row("batch_size", p -> List.of((long) p.batchSize()),
                    (p, v, c) -> p.withBatchSize(positiveInt(v, "batch_size")),
                    "samples per inference or training step; default 1; a batch's largest tensor must stay within "
                            + "2^31-1 elements"),
            new Row("image_width", p -> List.of((long) p.imageWidth()),
                    (p, v, c) -> p.withImageSize(positiveInt(v, "image_width"), p.imageHeight()),
                    "input width; settable where the layers allow other sizes (global pooling or fully convolutional)"),
            new Row("image_height", p -> List.of((long) p.imageHeight()),
                    (p, v, c) -> p.withImageSize(p.imageWidth(), positiveInt(v, "image_height")),
                    "input height; settable where the layers allow other sizes (global pooling or fully convolutional)"),
            new Row("image_num_channels", p -> List.of((long) p.imageChannels()), null,
                    "input channels, fixed by the first layer's weights"),
            new Row("image_dimensions", p -> List.of((long) p.imageWidth(), (long) p.imageHeight(),
                    (long) p.imageChannels()), ModelParamTable::setImageDimensions,
                    "[width, height, channels]; the channels are fixed by the first layer's weights"),
            new Row("image_range_min", p -> List.of(p.imageRangeMin()),
                    (p, v, c) -> p.withImageRange(real(v), p.imageRangeMax()), "smallest expected pixel value"),
            new Row("image_range_max", p -> List.of(p.imageRangeMax()),
                    (p, v, c) -> p.withImageRange(p.imageRangeMin(), real(v)), "largest expected pixel value"),
            new Row("class_names", p -> new ArrayList<>(p.classNames()), ModelParamTable::setClassNames,
                    "one name per class; default the decimal class ids; another count adapts the classifier's last layer "
                            + "(new weights) and resets 'class_ids' to 0..n-1"),
            new Row("class_ids", p -> new ArrayList<>(p.classIds()), ModelParamTable::setClassIds,
                    "one unique integer per class; default 0..classes-1; another count adapts the classifier's last "
                            + "layer (new weights) and resets 'class_names' to the decimal ids"),
            new Row("learning_rate", p -> List.of(p.learningRate()),
                    (p, v, c) -> p.withSolver(positiveReal(v, "learning_rate"), p.momentum(), p.weightPrior(),
                            p.batchNormMomentum()), "SGD step size; default 0.001"),
            new Row("momentum", p -> List.of(p.momentum()),
                    (p, v, c) -> p.withSolver(p.learningRate(), unitInterval(v, "momentum", false), p.weightPrior(),
                            p.batchNormMomentum()), "SGD momentum in [0, 1); default 0.9"),
            new Row("weight_prior", p -> List.of(p.weightPrior()),
                    (p, v, c) -> p.withSolver(p.learningRate(), p.momentum(), nonNegativeReal(v, "weight_prior"),
                            p.batchNormMomentum()), "L2 regularisation; default 0"),
            new Row("batchnorm_momentum", p -> List.of(p.batchNormMomentum()),
                    (p, v, c) -> p.withSolver(p.learningRate(), p.momentum(), p.weightPrior(),
                            unitInterval(v, "batchnorm_momentum", true)),
                    "weight of the old running statistics when training; default 0.9"),
            new Row("runtime", p -> List.of(p.runtime()), ModelParamTable::setRuntime,
                    "'cpu' (default) or 'gpu': the first device of that type query_available_dl_devices lists; "
                            + "'gpu' where none exists is 7913"),
            new Row(DEVICE, p -> List.of(DlDeviceOperators.handle(p.device())), ModelParamTable::setDevice,
                    "a handle from query_available_dl_devices; default the first CPU device (TensorFlow's); a device "
                            + "this machine does not offer is 7913"));

    private static final Map<String, Row> BY_NAME = ROWS.stream().collect(Collectors.toMap(Row::name, r -> r));

    static Row row(String name, boolean forSet) {
        Row row = BY_NAME.get(name);
        if (row == null) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENPARAM, "unknown parameter '" + name + "'; known: "
                    + ROWS.stream().map(Row::name).collect(Collectors.joining(", ")));
        }
        if (forSet && !row.settable()) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENPARAM, "'" + name + "' can only be read");
        }
        return row;
    }

    /**
     * A list of another length than the model's class count gives the model that many classes (DlModel replaces its
     * last layer); the ids then restart at 0..n-1, as the old ones no longer describe the classes.
     */
    private static ModelParams setClassNames(ModelParams p, List<Object> value, Context c) {
        requireClasses(value, "names", c);
        List<String> names = new ArrayList<>(value.size());
        for (Object name : value) {
            if (!(name instanceof String s)) {
                throw ControlArgs.wrongType(VALUE, "strings", name);
            }
            names.add(s);
        }
        List<Long> ids = value.size() == c.classes() ? p.classIds()
                : java.util.stream.LongStream.range(0, value.size()).boxed().toList();
        return p.withClasses(names, ids);
    }

    /** As {@link #setClassNames}: another count adapts the model, and the names become the decimal ids. */
    private static ModelParams setClassIds(ModelParams p, List<Object> value, Context c) {
        requireClasses(value, "ids", c);
        List<Long> ids = new ArrayList<>(value.size());
        for (Object id : value) {
            if (!(id instanceof Long l)) {
                throw ControlArgs.wrongType(VALUE, "integers", id);
            }
            ids.add(l);
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw HalconError.of(ErrorCodes.DL_CLASS_IDS_NOT_UNIQUE, ids.toString());
        }
        List<String> names = value.size() == c.classes() ? p.classNames()
                : ids.stream().map(String::valueOf).toList();
        return p.withClasses(names, ids);
    }

    private static void requireClasses(List<Object> value, String what, Context c) {
        if (c.classes() == 0) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, "the model is no classifier, it has no classes");
        }
        if (value.isEmpty()) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, "a classifier needs at least one class, got no "
                    + what);
        }
    }

    /** [width, height, channels]: the channels cannot change (the first layer's weights fix them). */
    private static ModelParams setImageDimensions(ModelParams p, List<Object> value, Context c) {
        if (value.size() != 3) {
            throw HalconError.of(ErrorCodes.WRONG_COUNT_BASE + VALUE, "'image_dimensions' takes [width, height, "
                    + "channels], got " + value.size() + " values");
        }
        int width = positiveInt(value.subList(0, 1), "image_width");
        int height = positiveInt(value.subList(1, 2), "image_height");
        int channels = positiveInt(value.subList(2, 3), "image_num_channels");
        if (channels != p.imageChannels()) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, "the first layer's weights fix the channels at "
                    + p.imageChannels() + ", got " + channels);
        }
        return p.withImageSize(width, height);
    }

    private static ModelParams setRuntime(ModelParams p, List<Object> value, Context c) {
        String runtime = ControlArgs.string(value, VALUE);
        if (!runtime.equals("cpu") && !runtime.equals("gpu")) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, "runtime must be 'cpu' or 'gpu', got '" + runtime + "'");
        }
        Device first = c.devices().get().stream().filter(d -> d.type().equals(runtime)).findFirst()
                .orElseThrow(() -> HalconError.of(ErrorCodes.DL_RUNTIME,
                        "no " + runtime.toUpperCase() + " is available on this machine"));
        return p.withDevice(first);
    }

    private static ModelParams setDevice(ModelParams p, List<Object> value, Context c) {
        Device device = DlDeviceOperators.device(value, VALUE);
        if (!c.devices().get().contains(device)) {
            throw HalconError.of(ErrorCodes.DL_RUNTIME, "the device '" + device.name() + "' is not available here");
        }
        return p.withDevice(device);
    }

    private static int positiveInt(List<Object> value, String name) {
        long v = ControlArgs.integer(value, VALUE);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, name + " must be a positive integer, got " + v);
        }
        return (int) v;
    }

    private static double real(List<Object> value) {
        double v = ControlArgs.real(value, VALUE);
        if (!Double.isFinite(v)) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, "value must be finite, got " + v);
        }
        return v;
    }

    private static double positiveReal(List<Object> value, String name) {
        double v = real(value);
        if (v <= 0) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, name + " must be positive, got " + v);
        }
        return v;
    }

    private static double nonNegativeReal(List<Object> value, String name) {
        double v = real(value);
        if (v < 0) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, name + " must not be negative, got " + v);
        }
        return v;
    }

    private static double unitInterval(List<Object> value, String name, boolean oneAllowed) {
        double v = real(value);
        if (v < 0 || v > 1 || (!oneAllowed && v == 1)) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE,
                    name + " must be in [0, 1" + (oneAllowed ? "]" : ")") + ", got " + v);
        }
        return v;
    }
}
