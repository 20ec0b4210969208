package dev.hprune.tests.reliability;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;

/**
 * The child process of {@link AtomicWriteTest}: reads the model given as first argument and writes it with
 * WriteDlModel to the second argument over and over, printing a line after each complete write, until it is killed.
 */
public final class AtomicWriteChild {
    private AtomicWriteChild() {}

    public static void main(String[] args) {
        HTuple model = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(args[0]), model);
        for (long n = 1; ; n++) {
            HOperatorSet.WriteDlModel(model, new HTuple(args[1]));
            System.out.println("written " + n);
            System.out.flush();
        }
    }
}
