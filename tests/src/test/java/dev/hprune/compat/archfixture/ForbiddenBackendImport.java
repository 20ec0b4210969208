package dev.hprune.compat.archfixture;

import org.tensorflow.Graph;

/**
 * A deliberate violation, kept out of the real check (it is a test class): it proves that the module rules catch a
 * halcon-compat class that reaches for TensorFlow.
 */
public final class ForbiddenBackendImport {
    private ForbiddenBackendImport() {}

    public static Graph graph() {
        return new Graph();
    }
}
