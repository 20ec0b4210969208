package dev.hprune.cli;

/** A command that knows whether --verbose was given (the error report then adds the stack trace). */
public interface Verbosity {
    boolean verbose();
}
