package dev.codeexec.sandbox;

/** The run was cancelled (its client went away, or its time as a whole ran out). */
public class RunCancelledException extends RuntimeException {

    public RunCancelledException() {
        super("the run was cancelled");
    }
}
