package dev.codeexec.execution;

/**
 * One step as the API reports it: how it ended, its exit code (128 + n for signal n) and signal
 * name, its output, and the kernel's accounting of its time and peak memory. {@code cached}: a
 * compilation reused from the compile cache (nothing ran now).
 */
public record StepOutcome(RunStatus status, int exitCode, String signal, String stdout, String stderr, String output,
        String message, boolean truncated, long wallTimeMs, long cpuTimeMs, long memoryKb, boolean cached) {
}
