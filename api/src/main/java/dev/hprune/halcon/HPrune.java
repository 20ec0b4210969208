package dev.hprune.halcon;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.TreeSet;

/** Prints hprune's version and the HALCON operators this build offers through {@link HOperatorSet}. */
public final class HPrune {
    private HPrune() {}

    public static void main(String[] args) {
        System.out.println("hprune " + version() + " - HALCON-compatible deep-learning pruning for Java and C");
        System.out.println("Operators (HOperatorSet):");
        for (String name : operatorNames()) {
            System.out.println("  " + name);
        }
    }

    /** The version from the jar manifest, or "dev" when run from class folders. */
    public static String version() {
        String version = HPrune.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The names of the public static operator methods of {@link HOperatorSet}, sorted. */
    public static TreeSet<String> operatorNames() {
        TreeSet<String> names = new TreeSet<>();
        Arrays.stream(HOperatorSet.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .forEach(names::add);
        return names;
    }
}
