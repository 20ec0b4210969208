package dev.hprune.cli;

import picocli.CommandLine.Option;

/** How the pruning commands select kernels beyond HALCON's 'percentage'. */
public final class PruningOptions {
    @Option(names = "--kernel-multiple", paramLabel = "N", defaultValue = "1",
            description = "keep a multiple of N kernels in every pruned convolution (hprune's 'kernel_multiple' "
                    + "GenParam of create_dl_pruning, 1..1024; 1 is HALCON's selection, 8 often runs faster; "
                    + "default: ${DEFAULT-VALUE})")
    int kernelMultiple;

    public int kernelMultiple() {
        return kernelMultiple;
    }
}
