package dev.hprune.compat.image;

import java.util.Optional;

/** The HALCON pixel types hprune supports for deep-learning samples. */
public enum PixelType {
    /** 8-bit unsigned, values 0..255. */
    BYTE("byte"),
    /** 32-bit float. */
    REAL("real");

    private final String halconName;

    PixelType(String halconName) {
        this.halconName = halconName;
    }

    /** HALCON's name: {@code 'byte'} or {@code 'real'}. */
    public String halconName() {
        return halconName;
    }

    public static Optional<PixelType> fromHalconName(String name) {
        for (PixelType type : values()) {
            if (type.halconName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The value a pixel of this type holds for {@code value}: byte pixels are rounded and clipped to 0..255. */
    public float represent(double value) {
        if (this == REAL) {
            return (float) value;
        }
        if (Double.isNaN(value)) {
            return 0f;
        }
        return (float) Math.max(0, Math.min(255, Math.round(value)));
    }
}
