package dev.codeexec.execution;

/** How a run (or its compilation) ended. */
public enum RunStatus {
    /** Exit code 0. */
    OK,
    /** A non-zero exit code (a signal counts as 128 + its number). */
    RUNTIME_ERROR,
    /** The compiler failed: the program was not run. */
    COMPILE_ERROR,
    /** The wall-clock or CPU-time limit was hit and every process of the step killed. */
    TIMEOUT,
    /** The kernel's OOM killer ended the program at the memory limit. */
    MEMORY_LIMIT,
    /** Output reached the cap and every process of the step was killed. */
    OUTPUT_LIMIT
}
