package dev.hprune.cli;

import dev.hprune.cli.data.DataSource;
import picocli.CommandLine.Option;

/** Where the labelled images come from and how they are split. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "SOURCE", required = true,
            description = "a folder with one subfolder of images per class, a DLDataset file (.hdict), mnist:DIR "
                    + "(IDX files), or builtin (scikit-learn's 8x8 digits)")
    String source;

    @Option(names = "--held-out", paramLabel = "F", defaultValue = "0.2",
            description = "fraction of each class held out for accuracy where the data has no test part "
                    + "(default: ${DEFAULT-VALUE})")
    double heldOut;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0",
            description = "use at most N images for scoring and retraining (0: all)")
    int trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
            description = "measure accuracy on at most N held-out images (0: all)")
    int testLimit;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the split and the shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    DataSource dataSource() {
        return new DataSource(source);
    }

    /** The seed of the split and of (re)training's shuffling. */
    public long seed() {
        return seed;
    }
}
