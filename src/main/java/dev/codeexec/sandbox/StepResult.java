package dev.codeexec.sandbox;

import java.time.Duration;

/**
 * What a step did. {@code exitCode} is its main process's (128 + n when signal n ended it);
 * {@code signal} is n when a signal ended it by its wait status, else 0 (exit(139) is no SIGSEGV);
 * {@code end} says whether the sandbox cut it short and why; {@code oomKilled} that the kernel's
 * OOM killer acted while it failed. Times and peak memory are the kernel's accounting of every
 * process of the step.
 */
public record StepResult(int exitCode, int signal, End end, boolean oomKilled, Output output, Duration wallTime,
        Duration cpuTime, long memoryKb) {

    /** How a step ended. */
    public enum End { EXITED, TIMEOUT, CPU_LIMIT, OUTPUT_LIMIT }

    /**
     * Output as captured: each stream alone, and both interleaved in the order they were read.
     * {@code cut}: more was written than is kept here (the request's output budget ran out).
     */
    public record Output(byte[] stdout, byte[] stderr, byte[] combined, boolean cut) {

        public Output(byte[] stdout, byte[] stderr, byte[] combined) {
            this(stdout, stderr, combined, false);
        }
    }

    /** The same result with other output. */
    public StepResult withOutput(Output kept) {
        return new StepResult(exitCode, signal, end, oomKilled, kept, wallTime, cpuTime, memoryKb);
    }
}
