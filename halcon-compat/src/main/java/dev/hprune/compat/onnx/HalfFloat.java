package dev.hprune.compat.onnx;

/** IEEE 754 binary16 conversions (Java 17 has no Float.float16ToFloat). */
final class HalfFloat {
    private HalfFloat() {}

    static float toFloat(int bits) {
        int sign = (bits >>> 15) & 1;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f;
        } else if (exponent == 31) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat((exponent - 15 + 127) << 23 | mantissa << 13);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    /** The nearest binary16 value (ties to even), as its 16 bits. */
    static int fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 255) {
            return sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0);
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 31) {
            return sign | 0x7c00;
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return sign;
            }
            return sign | roundShift(mantissa | 0x800000, 14 - halfExponent);
        }
        return sign | ((halfExponent << 10) + roundShift(mantissa, 13));
    }

    private static int roundShift(int value, int shift) {
        int kept = value >> shift;
        int rest = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (rest > half || (rest == half && (kept & 1) == 1)) {
            kept++;
        }
        return kept;
    }

    /** The value rounded to binary16 precision, as a float. */
    static float round(float value) {
        return toFloat(fromFloat(value));
    }
}
