package dev.hprune.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Progress, verbosity and the report. */
public final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "no progress bars (for scripts)")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "stack traces with errors")
    boolean verbose;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "hprune-report",
            description = "folder for report.html and its PNG charts (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--no-report", description = "write no report")
    boolean noReport;

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }
}
