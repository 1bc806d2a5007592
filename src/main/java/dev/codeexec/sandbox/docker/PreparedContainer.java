package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.ContainerLimits;

/**
 * A container created and started for one request, its launcher waiting for commands: output
 * attached (before the start, so nothing is lost) and stdin attached. {@code limits} are the
 * container's limits as created.
 */
record PreparedContainer(String id, LauncherFrames frames, StdinChannel stdin, ContainerLimits limits) {

    /** True while the container still waits: its output stream has not ended. */
    boolean alive() {
        return !frames.ended().isDone();
    }

    /** Closes both attach streams (the container itself is removed by the janitor). */
    void detach() {
        stdin.close();
        try {
            frames.close();
        } catch (java.io.IOException ignored) {
            // closing a finished stream
        }
    }
}
