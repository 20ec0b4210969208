package dev.hprune.tests.reliability;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;

/**
 * The child process of {@link AtomicWriteTest}: reads the model (or, for a '.hdict' name, the dict) given as first
 * argument and writes it with WriteDlModel (WriteDict) to the second argument over and over, printing a line after each
 * complete write, until it is killed.
 */
public final class AtomicWriteChild {
    private AtomicWriteChild() {}

    public static void main(String[] args) {
        boolean dict = args[0].endsWith(".hdict");
        HTuple handle = new HTuple();
        if (dict) {
            HOperatorSet.ReadDict(new HTuple(args[0]), new HTuple(), new HTuple(), handle);
        } else {
            HOperatorSet.ReadDlModel(new HTuple(args[0]), handle);
        }
        for (long n = 1; ; n++) {
            if (dict) {
                HOperatorSet.WriteDict(handle, new HTuple(args[1]), new HTuple(), new HTuple());
            } else {
                HOperatorSet.WriteDlModel(handle, new HTuple(args[1]));
            }
            System.out.println("written " + n);
            System.out.flush();
        }
    }
}
