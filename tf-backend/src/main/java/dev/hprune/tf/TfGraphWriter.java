package dev.hprune.tf;

import java.util.List;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Scope;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Adds raw TensorFlow operations to a graph under unique names, on one device. Every other class of this package builds
 * its operations through it, so that names never clash and device placement is decided in one place.
 */
final class TfGraphWriter {
    private final Graph graph;
    private final Scope scope;
    private long counter;

    /** @param gpu the GPU to place every operation on, or -1 for TensorFlow's default placement */
    TfGraphWriter(Graph graph, int gpu) {
        this.graph = graph;
        // a device set on the builder is overwritten by the scope's when the operation is built
        this.scope = gpu < 0 ? graph.baseScope() : graph.baseScope().withDevice(
                DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(gpu).build());
    }

    Graph graph() {
        return graph;
    }

    /** One operation under construction. */
    final class Op {
        private final GraphOperationBuilder builder;

        private Op(String type) {
            builder = graph.opBuilder(type, type + "_" + (counter++), scope);
        }

        Op in(Output<?>... inputs) {
            for (Output<?> input : inputs) {
                builder.addInput(input);
            }
            return this;
        }

        Op inList(List<Output<?>> inputs) {
            builder.addInputList(inputs.toArray(new Output<?>[0]));
            return this;
        }

        Op attr(String name, long value) {
            builder.setAttr(name, value);
            return this;
        }

        Op attr(String name, long[] value) {
            builder.setAttr(name, value);
            return this;
        }

        Op attr(String name, float value) {
            builder.setAttr(name, value);
            return this;
        }

        Op attr(String name, boolean value) {
            builder.setAttr(name, value);
            return this;
        }

        Op attr(String name, String value) {
            builder.setAttr(name, value);
            return this;
        }

        Op attr(String name, DataType value) {
            builder.setAttr(name, value);
            return this;
        }

        Op attr(String name, Shape value) {
            builder.setAttr(name, value);
            return this;
        }

        Op attr(String name, Tensor value) {
            builder.setAttr(name, value);
            return this;
        }

        Op after(Iterable<GraphOperation> controlInputs) {
            for (GraphOperation op : controlInputs) {
                builder.addControlInput(op);
            }
            return this;
        }

        GraphOperation build() {
            return builder.build();
        }

        /** Builds the operation and returns its first output. */
        Output<?> out() {
            return build().output(0);
        }
    }

    Op op(String type) {
        return new Op(type);
    }

    /** A name no other call returns, for resources such as variables. */
    String uniqueName(String prefix) {
        return prefix + "_" + (counter++);
    }

    /** A unary operation such as {@code Relu}. */
    Output<?> unary(String type, Output<?> x) {
        return op(type).in(x).out();
    }

    /** A binary operation such as {@code AddV2}. */
    Output<?> binary(String type, Output<?> x, Output<?> y) {
        return op(type).in(x, y).out();
    }

    Output<?> constant(Tensor value) {
        return op("Const").attr("value", value).attr("dtype", value.dataType()).out();
    }

    Output<?> floats(long[] shape, float[] values) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape))) {
            t.asRawTensor().data().asFloats().write(values);
            return constant(t);
        }
    }

    Output<?> scalar(float value) {
        return floats(new long[0], new float[] {value});
    }

    /** A scalar constant of {@code type} (float, int32 or int64), for arithmetic with tensors of that type. */
    Output<?> scalar(double value, DataType type) {
        return switch (type) {
            case DT_FLOAT -> scalar((float) value);
            case DT_INT64 -> longs(new long[0], new long[] {(long) value});
            case DT_INT32 -> ints((int) value);
            default -> op("Cast").in(scalar((float) value)).attr("DstT", type).out();
        };
    }

    Output<?> longs(long... values) {
        return longs(new long[] {values.length}, values);
    }

    Output<?> longs(long[] shape, long[] values) {
        try (TInt64 t = TInt64.tensorOf(Shape.of(shape))) {
            t.asRawTensor().data().asLongs().write(values);
            return constant(t);
        }
    }

    Output<?> ints(int... values) {
        try (TInt32 t = TInt32.tensorOf(Shape.of(values.length))) {
            t.asRawTensor().data().asInts().write(values);
            return constant(t);
        }
    }

    /** An int32 index vector, values clamped to the int32 range (StridedSlice's gradient wants int32 indices). */
    Output<?> indices(long... values) {
        int[] clamped = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            clamped[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, values[i]));
        }
        return ints(clamped);
    }

    /** A [rank, 2] int32 paddings matrix (Pad's gradient slices with int32 shapes). */
    Output<?> paddings(long[] beginEndPairs) {
        return reshape(indices(beginEndPairs), beginEndPairs.length / 2, 2);
    }

    /** {@code x[begin:end:strides]} with python's clamping; axes in the masks take their whole range. */
    Output<?> stridedSlice(Output<?> x, long[] begin, long[] end, long[] strides, long beginMask, long endMask) {
        return op("StridedSlice").in(x, indices(begin), indices(end), indices(strides)).attr("begin_mask", beginMask)
                .attr("end_mask", endMask).out();
    }

    Output<?> intScalar(int value) {
        try (TInt32 t = TInt32.tensorOf(Shape.scalar())) {
            t.asRawTensor().data().asInts().write(new int[] {value});
            return constant(t);
        }
    }

    Output<?> transpose(Output<?> x, int... perm) {
        return op("Transpose").in(x, ints(perm)).out();
    }

    Output<?> reshape(Output<?> x, long... shape) {
        return op("Reshape").in(x, longs(shape)).out();
    }

    Output<?> reshape(Output<?> x, Output<?> shape) {
        return op("Reshape").in(x, shape).out();
    }

    Output<?> shape(Output<?> x) {
        return op("Shape").in(x).attr("out_type", DataType.DT_INT64).out();
    }

    /** The mean of {@code x} over {@code axes}. */
    Output<?> mean(Output<?> x, boolean keepDims, int... axes) {
        return op("Mean").in(x, ints(axes)).attr("keep_dims", keepDims).out();
    }

    Output<?> sum(Output<?> x, boolean keepDims, int... axes) {
        return op("Sum").in(x, ints(axes)).attr("keep_dims", keepDims).out();
    }

    Output<?> concat(List<Output<?>> parts, int axis) {
        return op("ConcatV2").inList(parts).in(intScalar(axis)).out();
    }

    Output<?> expandDims(Output<?> x, int axis) {
        return op("ExpandDims").in(x, intScalar(axis)).out();
    }

    Output<?> placeholder(DataType type, Shape shape) {
        return op("Placeholder").attr("dtype", type).attr("shape", shape).out();
    }

    GraphOperation noOp(Iterable<GraphOperation> after) {
        return op("NoOp").after(after).build();
    }
}
