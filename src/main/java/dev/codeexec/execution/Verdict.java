package dev.codeexec.execution;

/** How a test case (or a whole judged request) went. */
public enum Verdict {
    /** Ended well and printed what was expected (or nothing was expected). */
    ACCEPTED,
    /** Ended well but printed something else. */
    WRONG_ANSWER,
    TIMEOUT,
    MEMORY_LIMIT,
    OUTPUT_LIMIT,
    RUNTIME_ERROR,
    /** Not run: an earlier case failed and the request asked to stop at the first failure. */
    SKIPPED,
    /** The program did not compile: no case ran. */
    COMPILE_ERROR;

    static Verdict of(RunStatus status) {
        return switch (status) {
            case OK -> ACCEPTED;
            case RUNTIME_ERROR -> RUNTIME_ERROR;
            case COMPILE_ERROR -> COMPILE_ERROR;
            case TIMEOUT -> TIMEOUT;
            case MEMORY_LIMIT -> MEMORY_LIMIT;
            case OUTPUT_LIMIT -> OUTPUT_LIMIT;
        };
    }
}
