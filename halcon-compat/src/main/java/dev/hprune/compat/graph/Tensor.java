package dev.hprune.compat.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable dense tensor in ONNX's row-major layout. Floating types keep their values as {@code float}, integer and
 * boolean types as {@code long}; {@link #type()} keeps the declared type so that a model writes back as it was read.
 */
public final class Tensor {
    private final DataType type;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private Tensor(DataType type, long[] shape, float[] floats, long[] longs) {
        this.type = Objects.requireNonNull(type, "type");
        this.shape = shape.clone();
        this.floats = floats;
        this.longs = longs;
        long expected = elementCount(this.shape);
        long actual = floats != null ? floats.length : longs.length;
        if (expected != actual) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + expected
                    + " values, got " + actual);
        }
    }

    /** A FLOAT tensor; the data is copied. */
    public static Tensor ofFloats(long[] shape, float[] values) {
        return new Tensor(DataType.FLOAT, shape, values.clone(), null);
    }

    /** A tensor of a floating type; the data is copied. */
    public static Tensor ofFloats(DataType type, long[] shape, float[] values) {
        if (!type.isFloating()) {
            throw new IllegalArgumentException(type + " is not a floating type");
        }
        return new Tensor(type, shape, values.clone(), null);
    }

    /** An INT64 tensor; the data is copied. */
    public static Tensor ofLongs(long[] shape, long[] values) {
        return new Tensor(DataType.INT64, shape, null, values.clone());
    }

    /** A tensor of an integer or boolean type; the data is copied. */
    public static Tensor ofLongs(DataType type, long[] shape, long[] values) {
        if (type.isFloating()) {
            throw new IllegalArgumentException(type + " is a floating type");
        }
        return new Tensor(type, shape, null, values.clone());
    }

    /** A FLOAT tensor that takes ownership of {@code values} (no copy); the caller must not change the array. */
    public static Tensor wrapFloats(long[] shape, float[] values) {
        return new Tensor(DataType.FLOAT, shape, values, null);
    }

    public static Tensor scalar(float value) {
        return new Tensor(DataType.FLOAT, new long[0], new float[] {value}, null);
    }

    public static Tensor scalar(long value) {
        return new Tensor(DataType.INT64, new long[0], null, new long[] {value});
    }

    public DataType type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return floats != null ? floats.length : longs.length;
    }

    public boolean isFloating() {
        return floats != null;
    }

    /** Element {@code i} (row-major) as float, converting integers. */
    public float floatAt(int i) {
        return floats != null ? floats[i] : longs[i];
    }

    /** Element {@code i} (row-major) as long; floats are truncated toward zero. */
    public long longAt(int i) {
        return longs != null ? longs[i] : (long) floats[i];
    }

    /** All values as floats (a new array). */
    public float[] toFloats() {
        if (floats != null) {
            return floats.clone();
        }
        float[] converted = new float[longs.length];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = longs[i];
        }
        return converted;
    }

    /** All values as longs (a new array); floats are truncated toward zero. */
    public long[] toLongs() {
        if (longs != null) {
            return longs.clone();
        }
        long[] converted = new long[floats.length];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = (long) floats[i];
        }
        return converted;
    }

    /** Copies the float values into {@code target} from {@code offset} without allocating; floating tensors only. */
    public void copyFloatsTo(float[] target, int offset) {
        if (floats == null) {
            throw new IllegalStateException(type + " tensor has no float data");
        }
        System.arraycopy(floats, 0, target, offset, floats.length);
    }

    /**
     * Puts the float values into {@code target} at its position (advancing it) without an intermediate array, e.g. into
     * a direct buffer a native runtime reads; floating tensors only.
     */
    public void copyFloatsTo(java.nio.FloatBuffer target) {
        if (floats == null) {
            throw new IllegalStateException(type + " tensor has no float data");
        }
        target.put(floats);
    }

    /** The same values under another shape with the same element count. */
    public Tensor reshape(long[] newShape) {
        return new Tensor(type, newShape, floats, longs);
    }

    /**
     * The values with the axes reordered as ONNX's Transpose does: axis {@code a} of the result is axis
     * {@code perm[a]} of this tensor.
     */
    public Tensor permute(int... perm) {
        int rank = shape.length;
        if (!isPermutation(perm, rank)) {
            throw new IllegalArgumentException("permutation " + Arrays.toString(perm) + " for shape "
                    + Arrays.toString(shape));
        }
        long[] sourceStrides = new long[rank];
        long stride = 1;
        for (int a = rank - 1; a >= 0; a--) {
            sourceStrides[a] = stride;
            stride *= shape[a];
        }
        long[] outShape = new long[rank];
        long[] step = new long[rank];
        for (int a = 0; a < rank; a++) {
            outShape[a] = shape[perm[a]];
            step[a] = sourceStrides[perm[a]];
        }
        int n = size();
        float[] outFloats = floats == null ? null : new float[n];
        long[] outLongs = longs == null ? null : new long[n];
        long[] index = new long[rank];
        long from = 0;
        for (int i = 0; i < n; i++) {
            if (outFloats != null) {
                outFloats[i] = floats[(int) from];
            } else {
                outLongs[i] = longs[(int) from];
            }
            // the next output index, odometer-style, with the source offset following it
            for (int a = rank - 1; a >= 0; a--) {
                from += step[a];
                if (++index[a] < outShape[a]) {
                    break;
                }
                from -= step[a] * outShape[a];
                index[a] = 0;
            }
        }
        return new Tensor(type, outShape, outFloats, outLongs);
    }

    /** Whether {@code perm} names each of the axes 0..rank-1 exactly once. */
    private static boolean isPermutation(int[] perm, int rank) {
        if (perm.length != rank) {
            return false;
        }
        boolean[] seen = new boolean[rank];
        for (int axis : perm) {
            if (axis < 0 || axis >= rank || seen[axis]) {
                return false;
            }
            seen[axis] = true;
        }
        return true;
    }

    public static long elementCount(long[] shape) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("dimension " + d + " in " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor t
                && type == t.type
                && Arrays.equals(shape, t.shape)
                && Arrays.equals(floats, t.floats)
                && Arrays.equals(longs, t.longs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(shape), Arrays.hashCode(floats), Arrays.hashCode(longs));
    }

    @Override
    public String toString() {
        return "Tensor[" + type + " " + Arrays.toString(shape) + "]";
    }
}
