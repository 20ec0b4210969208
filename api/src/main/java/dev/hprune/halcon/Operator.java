package dev.hprune.halcon;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.image.Iconic;
import dev.hprune.compat.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The boundary between HALCON's shapes and halcon-compat's plain values: converts tuples and objects, and turns every
 * failure into an {@link HOperatorException} naming the operator. No semantics live here.
 */
final class Operator {
    private Operator() {}

    static <T> T call(String operator, Supplier<T> body) {
        try {
            return body.get();
        } catch (HalconError e) {
            throw exception(e.inOperator(operator));
        } catch (HalconException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect of ours, not bad input: keep the cause for the report, but speak HALCON to the caller.
            throw new HOperatorException(ErrorCodes.DL_INTERNAL, operator, ErrorCodes.text(ErrorCodes.DL_INTERNAL),
                    e.toString(), e);
        }
    }

    static void run(String operator, Runnable body) {
        call(operator, () -> {
            body.run();
            return null;
        });
    }

    static HOperatorException exception(HalconError e) {
        return new HOperatorException(e.code(), e.operator(), e.standardText(), e.detail(), e);
    }

    /** An input control tuple as plain values; handles become compat handles. */
    static List<Object> in(HTuple tuple) {
        if (tuple == null) {
            throw HalconError.of(ErrorCodes.INPUT_CONTROL_NOT_INITIALIZED, "an input tuple is null");
        }
        List<Object> values = new ArrayList<>(tuple.length());
        for (Object element : tuple.asList()) {
            values.add(element instanceof HHandle h ? h.handle() : element);
        }
        return values;
    }

    /**
     * An input image tuple (object parameter 1); {@code null} stands for an uninitialized object, which the operators
     * refuse.
     */
    static List<Image> in(HObject object) {
        return in(object, 1);
    }

    /** An input image tuple at object parameter {@code position}; a region there is refused. */
    static List<Image> in(HObject object, int position) {
        return object == null ? null : object.images(position);
    }

    /** An input object tuple of images and regions alike, for the object-tuple operators. */
    static List<Iconic> iconics(HObject object) {
        return object == null ? null : object.objects();
    }

    /** An operator with one output tuple: checks the output, computes the values, fills the output. */
    static void compute(String operator, HTuple output, Supplier<List<?>> body) {
        run(operator, () -> {
            checkOut(output);
            out(output, body.get());
        });
    }

    static void checkOut(HTuple... outputs) {
        for (HTuple output : outputs) {
            if (output == null) {
                throw HalconError.of(ErrorCodes.OUTPUT_CONTROL_NOT_INITIALIZED, "an output tuple is null");
            }
        }
    }

    static void checkOut(HObject... outputs) {
        for (HObject output : outputs) {
            if (output == null) {
                throw HalconError.of(ErrorCodes.OUTPUT_OBJECT_NOT_INITIALIZED, "an output object is null");
            }
        }
    }

    /** Fills an output tuple from plain values; compat handles become {@link HHandle}s. */
    static void out(HTuple target, List<?> values) {
        List<Object> converted = new ArrayList<>(values.size());
        for (Object value : values) {
            converted.add(value instanceof Handle h ? new HHandle(h) : value);
        }
        target.replaceWith(converted);
    }
}
