package dev.hprune.tf;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of lowerings: one {@link Lowering} per ONNX operator kind, keyed by op type. The kinds are grouped by
 * family in {@link ConvolutionLowerings}, {@link NormalizationLowerings}, {@link ElementwiseLowerings},
 * {@link DenseLowerings} and {@link TensorLowerings}; each family registers its kinds here.
 */
public final class Lowerings {
    private static final Map<String, Lowering> BY_KIND = build();

    private Lowerings() {}

    private static Map<String, Lowering> build() {
        Map<String, Lowering> kinds = new HashMap<>();
        Registrar registrar = (kind, lowering) -> {
            if (kinds.putIfAbsent(kind, lowering) != null) {
                throw new IllegalStateException("two lowerings for " + kind);
            }
        };
        ConvolutionLowerings.register(registrar);
        NormalizationLowerings.register(registrar);
        ElementwiseLowerings.register(registrar);
        DenseLowerings.register(registrar);
        TensorLowerings.register(registrar);
        return Map.copyOf(kinds);
    }

    /** The ONNX operator kinds (default domain op types) that the TensorFlow backend lowers, sorted. */
    public static Set<String> kinds() {
        return Collections.unmodifiableSet(new TreeSet<>(BY_KIND.keySet()));
    }

    static Optional<Lowering> of(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    /** Where a family puts its lowerings. */
    @FunctionalInterface
    interface Registrar {
        void add(String kind, Lowering lowering);

        default void single(String kind, Lowering.Single lowering) {
            add(kind, Lowering.single(lowering));
        }
    }
}
