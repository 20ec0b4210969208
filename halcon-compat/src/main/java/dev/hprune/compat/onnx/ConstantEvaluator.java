package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.op.Arithmetic;
import dev.hprune.compat.op.ConstantFolding;
import dev.hprune.compat.op.OpKind;
import dev.hprune.compat.op.OpKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Computes the operators that shape arithmetic and weight preprocessing use on constant tensors, so that
 * {@link GraphSimplifier} can replace them by their results. Integer division truncates toward zero and integer
 * results wrap to the width of their type, as ONNX Runtime's CPU kernels do.
 */
final class ConstantEvaluator {
    private ConstantEvaluator() {}

    /** Results larger than this many elements are left to the runtime rather than stored in the model. */
    static final long MAX_ELEMENTS = 1L << 22;

    /** Whether this class computes {@code opType} (its operator kind has a constant fold). */
    static boolean folds(String opType) {
        return OpKinds.of(opType).map(OpKind::folds).orElse(false);
    }

    /**
     * The outputs of {@code node} for constant {@code inputs} (null for a left-out optional input), or empty when the
     * operator is not one this class computes or the result would be too large. Output shapes come from
     * {@code shapes}, which has analysed the graph.
     */
    static Optional<List<Tensor>> evaluate(Node node, List<Tensor> inputs, InferredGraph shapes) {
        Optional<OpKind> kind = OpKinds.of(node.opType()).filter(OpKind::folds);
        if (kind.isEmpty() || node.outputs().size() != 1) {
            return Optional.empty();
        }
        long[] outShape = shapes.shape(node.output()).stream().mapToLong(SymDim::concrete).toArray();
        for (long d : outShape) {
            if (d < 0) {
                return Optional.empty();
            }
        }
        if (Tensor.elementCount(outShape) > MAX_ELEMENTS) {
            return Optional.empty();
        }
        return kind.get().fold(node, new Folding(inputs, outShape, shapes)).map(List::of);
    }

    /** The computations of this class for one node, as the operator kinds name them. */
    private record Folding(List<Tensor> inputs, long[] outShape, InferredGraph shapes) implements ConstantFolding {
        @Override
        public Tensor reshape(Node node) {
            return inputs.get(0).reshape(outShape);
        }

        @Override
        public Tensor cast(Node node) {
            return ConstantEvaluator.cast(inputs.get(0), shapes.type(node.output()));
        }

        @Override
        public Tensor shape(Node node) {
            return Tensor.ofLongs(outShape, shapes.knownElements(node.output()).orElseThrow());
        }

        @Override
        public Tensor gather(Node node) {
            return ConstantEvaluator.gather(inputs.get(0), inputs.get(1), node, outShape);
        }

        @Override
        public Tensor slice(Node node) {
            return ConstantEvaluator.slice(inputs.get(0), inputs, outShape);
        }

        @Override
        public Tensor concat(Node node) {
            return ConstantEvaluator.concat(inputs, node, outShape);
        }

        @Override
        public Tensor transpose(Node node) {
            return ConstantEvaluator.transpose(inputs.get(0), node);
        }

        @Override
        public Tensor constantOfShape(Node node) {
            return ConstantEvaluator.constantOfShape(node, outShape);
        }

        @Override
        public Tensor arithmetic(Node node, Arithmetic op) {
            return ConstantEvaluator.arithmetic(op, inputs.get(0), inputs.get(1), outShape);
        }

        @Override
        public Tensor unary(Node node, DoubleUnaryOperator f) {
            Tensor x = inputs.get(0);
            if (!x.type().isFloating()) {
                return null;
            }
            float[] values = x.toFloats();
            for (int i = 0; i < values.length; i++) {
                values[i] = rounded(x.type(), (float) f.applyAsDouble(values[i]));
            }
            return Tensor.ofFloats(x.type(), x.shape(), values);
        }

        @Override
        public Tensor pow(Node node) {
            Tensor a = inputs.get(0);
            Tensor b = inputs.get(1);
            int[] fromA = broadcastIndices(a.shape(), outShape);
            int[] fromB = broadcastIndices(b.shape(), outShape);
            if (a.type().isFloating()) {
                float[] values = new float[fromA.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rounded(a.type(), (float) Math.pow(a.floatAt(fromA[i]), b.floatAt(fromB[i])));
                }
                return Tensor.ofFloats(a.type(), outShape, values);
            }
            long[] values = new long[fromA.length];
            for (int i = 0; i < values.length; i++) {
                double exponent = b.type().isFloating() ? b.floatAt(fromB[i]) : b.longAt(fromB[i]);
                values[i] = wrap((long) Math.pow(a.longAt(fromA[i]), exponent), a.type());
            }
            return Tensor.ofLongs(a.type(), outShape, values);
        }
    }

    private static float rounded(DataType type, float value) {
        return type == DataType.FLOAT16 ? HalfFloat.round(value) : value;
    }

    static long[] strides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    /** Builds a tensor of {@code source}'s type whose element i is source element {@code from[i]}. */
    private static Tensor pick(Tensor source, DataType type, long[] shape, int[] from) {
        if (type.isFloating()) {
            float[] values = new float[from.length];
            for (int i = 0; i < from.length; i++) {
                values[i] = source.floatAt(from[i]);
            }
            return Tensor.ofFloats(type, shape, values);
        }
        long[] values = new long[from.length];
        for (int i = 0; i < from.length; i++) {
            values[i] = source.longAt(from[i]);
        }
        return Tensor.ofLongs(type, shape, values);
    }

    /** For each output position (row-major over {@code outShape}) the multi-index, passed to {@code sourceIndex}. */
    private static int[] mapIndices(long[] outShape, java.util.function.ToIntFunction<long[]> sourceIndex) {
        int count = (int) Tensor.elementCount(outShape);
        int[] from = new int[count];
        long[] index = new long[outShape.length];
        for (int i = 0; i < count; i++) {
            from[i] = sourceIndex.applyAsInt(index);
            for (int axis = outShape.length - 1; axis >= 0; axis--) {
                if (++index[axis] < outShape[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
        return from;
    }

    static Tensor cast(Tensor x, DataType to) {
        if (to.isFloating()) {
            float[] values = x.toFloats();
            if (to == DataType.FLOAT16) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = HalfFloat.round(values[i]);
                }
            }
            return Tensor.ofFloats(to, x.shape(), values);
        }
        long[] values = x.toLongs();
        if (x.type() == DataType.BOOL || to == DataType.BOOL) {
            for (int i = 0; i < values.length; i++) {
                values[i] = x.floatAt(i) != 0 ? 1 : 0;
            }
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = wrap(values[i], to);
        }
        return Tensor.ofLongs(to, x.shape(), values);
    }

    private static long wrap(long value, DataType type) {
        return switch (type) {
            case INT32 -> (int) value;
            case INT8 -> (byte) value;
            case UINT8 -> value & 0xff;
            case BOOL -> value != 0 ? 1 : 0;
            default -> value;
        };
    }

    private static Tensor gather(Tensor data, Tensor indices, Node node, long[] outShape) {
        int axis = ShapeRules.axis(node.intAttr("axis", 0), data.rank());
        long[] dataStrides = strides(data.shape());
        long size = data.dim(axis);
        int q = indices.rank();
        int[] from = mapIndices(outShape, index -> {
            long[] indicesIndex = java.util.Arrays.copyOfRange(index, axis, axis + q);
            long pickAt = indices.longAt((int) dot(indicesIndex, strides(indices.shape())));
            long picked = pickAt < 0 ? pickAt + size : pickAt;
            if (picked < 0 || picked >= size) {
                throw new IllegalArgumentException("Gather index " + pickAt + " out of range for " + size);
            }
            long flat = 0;
            for (int a = 0; a < data.rank(); a++) {
                long i = a < axis ? index[a] : a == axis ? picked : index[a + q - 1];
                flat += i * dataStrides[a];
            }
            return (int) flat;
        });
        return pick(data, data.type(), outShape, from);
    }

    private static long dot(long[] a, long[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static Tensor slice(Tensor data, List<Tensor> inputs, long[] outShape) {
        int rank = data.rank();
        long[] begin = new long[rank];
        long[] step = new long[rank];
        java.util.Arrays.fill(step, 1);
        long[] starts = inputs.get(1).toLongs();
        long[] ends = inputs.get(2).toLongs();
        long[] axes = inputs.size() > 3 && inputs.get(3) != null ? inputs.get(3).toLongs() : null;
        long[] steps = inputs.size() > 4 && inputs.get(4) != null ? inputs.get(4).toLongs() : null;
        for (int i = 0; i < starts.length; i++) {
            int axis = ShapeRules.axis(axes == null ? i : axes[i], rank);
            long[] range = ShapeRules.sliceRange(starts[i], ends[i], steps == null ? 1 : steps[i], data.dim(axis));
            begin[axis] = range[0];
            step[axis] = range[2];
        }
        long[] dataStrides = strides(data.shape());
        int[] from = mapIndices(outShape, index -> {
            long flat = 0;
            for (int a = 0; a < rank; a++) {
                flat += (begin[a] + index[a] * step[a]) * dataStrides[a];
            }
            return (int) flat;
        });
        return pick(data, data.type(), outShape, from);
    }

    private static Tensor concat(List<Tensor> inputs, Node node, long[] outShape) {
        int axis = ShapeRules.axis(node.intAttr("axis", 0), outShape.length);
        DataType type = inputs.get(0).type();
        long outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= outShape[a];
        }
        int count = (int) Tensor.elementCount(outShape);
        float[] floats = type.isFloating() ? new float[count] : null;
        long[] longs = type.isFloating() ? null : new long[count];
        int position = 0;
        for (long o = 0; o < outer; o++) {
            for (Tensor input : inputs) {
                int block = (int) (input.size() / Math.max(1, outer));
                int offset = (int) (o * block);
                for (int i = 0; i < block; i++, position++) {
                    if (floats != null) {
                        floats[position] = input.floatAt(offset + i);
                    } else {
                        longs[position] = input.longAt(offset + i);
                    }
                }
            }
        }
        return floats != null ? Tensor.ofFloats(type, outShape, floats) : Tensor.ofLongs(type, outShape, longs);
    }

    private static Tensor transpose(Tensor x, Node node) {
        return x.permute(ShapeRules.permutation(node, x.rank()));
    }

    private static Tensor constantOfShape(Node node, long[] outShape) {
        Tensor value = node.tensorAttr("value").orElse(Tensor.ofFloats(new long[] {1}, new float[] {0f}));
        int count = (int) Tensor.elementCount(outShape);
        return pick(value, value.type(), outShape, new int[count]);
    }

    /** Add, Sub, Mul, Div with numpy broadcasting, in the type of the first input. */
    private static Tensor arithmetic(Arithmetic op, Tensor a, Tensor b, long[] outShape) {
        int[] fromA = broadcastIndices(a.shape(), outShape);
        int[] fromB = broadcastIndices(b.shape(), outShape);
        DataType type = a.type();
        if (type.isFloating()) {
            float[] values = new float[fromA.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = rounded(type, op.apply(a.floatAt(fromA[i]), b.floatAt(fromB[i])));
            }
            return Tensor.ofFloats(type, outShape, values);
        }
        long[] values = new long[fromA.length];
        for (int i = 0; i < values.length; i++) {
            long x = a.longAt(fromA[i]);
            long y = b.longAt(fromB[i]);
            if (op == Arithmetic.DIV && y == 0) {
                throw new IllegalArgumentException("integer division by zero");
            }
            values[i] = wrap(op.apply(x, y), type);
        }
        return Tensor.ofLongs(type, outShape, values);
    }

    private static int[] broadcastIndices(long[] shape, long[] outShape) {
        int offset = outShape.length - shape.length;
        long[] sourceStrides = strides(shape);
        return mapIndices(outShape, index -> {
            long flat = 0;
            for (int a = 0; a < shape.length; a++) {
                flat += (shape[a] == 1 ? 0 : index[a + offset]) * sourceStrides[a];
            }
            return (int) flat;
        });
    }

    static List<Tensor> inputsOf(Node node, java.util.Map<String, Tensor> constants) {
        List<Tensor> inputs = new ArrayList<>();
        for (String input : node.inputs()) {
            inputs.add(input.isEmpty() ? null : constants.get(input));
        }
        return inputs;
    }
}
