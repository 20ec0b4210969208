package dev.hprune.cli;

/** The hprune command-line tool's entry point (see {@link Cli}). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }
}
