package dev.codeexec.sandbox;

import java.time.Duration;

/**
 * What a run did. {@code exitCode} is the main process's (128 + n when signal n ended it);
 * {@code timedOut}, {@code oomKilled} and {@code outputLimited} say why the run was cut short;
 * {@code warm} that its container came from the warm pool.
 */
public record SandboxResult(int exitCode, boolean timedOut, boolean oomKilled, boolean outputLimited,
        Output output, Duration wallTime, boolean warm) {

    /** Output as captured: each stream alone, and both interleaved in the order they arrived. */
    public record Output(byte[] stdout, byte[] stderr, byte[] combined) {
    }
}
