package dev.codeexec.sandbox;

/** The run was cancelled before it started (its client went away). */
public class RunCancelledException extends RuntimeException {

    public RunCancelledException() {
        super("the run was cancelled before it started");
    }
}
