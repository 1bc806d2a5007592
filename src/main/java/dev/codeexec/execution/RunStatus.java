package dev.codeexec.execution;

/** How a run ended. */
public enum RunStatus {
    /** Exit code 0. */
    OK,
    /** A non-zero exit code (a signal counts as 128 + its number). */
    RUNTIME_ERROR,
    /** The wall-clock limit was hit and the container killed. */
    TIMEOUT,
    /** The kernel's OOM killer ended the program at the memory limit. */
    MEMORY_LIMIT,
    /** Output reached the cap and the container was killed. */
    OUTPUT_LIMIT
}
