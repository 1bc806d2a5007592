package dev.codeexec.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One process tree run to its end inside a sandbox: a compile step runs as the builder (who owns
 * the sources and writes the artefacts), a run step as the sandbox user, who can read both but
 * change neither; a session step runs in a kept sandbox as the builder, in its working directory
 * itself, so what it writes stays for the session's next step. Stdin reaches EOF after {@code input}. {@code cpuTime} is null when only the wall
 * clock limits the step.
 */
public record Step(Kind kind, List<String> command, Map<String, String> env, byte[] input, Duration timeout,
        Duration cpuTime, long outputBytes, boolean keepFiles) {

    /** A step whose files go with it ({@code keepFiles}: a run's stay for {@link SandboxSession#outputs}). */
    public Step(Kind kind, List<String> command, Map<String, String> env, byte[] input, Duration timeout,
            Duration cpuTime, long outputBytes) {
        this(kind, command, env, input, timeout, cpuTime, outputBytes, false);
    }

    /** The same step, its files kept for the outputs that follow. */
    public Step keepingFiles() {
        return new Step(kind, command, env, input, timeout, cpuTime, outputBytes, true);
    }

    public enum Kind { COMPILE, RUN, SESSION }
}
