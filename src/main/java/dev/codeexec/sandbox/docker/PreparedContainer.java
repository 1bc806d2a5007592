package dev.codeexec.sandbox.docker;

/**
 * A container created and started for one run, waiting for its program: output attached (before
 * the start, so nothing is lost) and stdin attached, ready to be fed.
 */
record PreparedContainer(String id, OutputCollector output, StdinFeeder stdin) {

    /** True while the container still waits: its output stream has not ended. */
    boolean alive() {
        return !output.ended().isDone();
    }

    /** Closes both attach streams (the container itself is removed by the janitor). */
    void detach() {
        stdin.close();
        try {
            output.close();
        } catch (java.io.IOException ignored) {
            // closing a finished stream
        }
    }
}
