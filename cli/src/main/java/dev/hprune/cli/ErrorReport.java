package dev.hprune.cli;

import dev.hprune.halcon.HalconException;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Every failure as one line on stderr and a non-zero exit code; the stack trace only with --verbose. Public for the
 * spark module's command, which reports as the tool does.
 */
public final class ErrorReport implements CommandLine.IExecutionExceptionHandler {
    private final PrintStream err;

    public ErrorReport(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        err.println("hprune: error: " + line(e));
        if (verbose(commandLine)) {
            e.printStackTrace(err);
        }
        return Cli.FAILED;
    }

    static String line(Throwable e) {
        String line;
        if (e instanceof HalconException h) {
            line = Cli.describe(h);
        } else if (e instanceof CliException c) {
            line = c.getMessage() + (c.halconCode() == 0 ? "" : " (HALCON error " + c.halconCode() + ")");
        } else {
            line = "internal error: " + e;
        }
        return line.replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean verbose(CommandLine commandLine) {
        for (CommandLine c = commandLine; c != null; c = c.getParent()) {
            if (c.getCommand() instanceof Verbosity v && v.verbose()) {
                return true;
            }
        }
        return false;
    }

    /** Wrong arguments: one line and a pointer to --help. */
    public static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("hprune: " + e.getMessage().replaceAll("\\s*\\R\\s*", " ")
                + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
        return Cli.USAGE;
    }
}
