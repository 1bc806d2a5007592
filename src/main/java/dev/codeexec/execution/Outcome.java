package dev.codeexec.execution;

/** What a run did, as the API reports it. */
public record Outcome(String language, String version, RunStatus status, int exitCode, String signal,
        String stdout, String stderr, String output, String message, boolean truncated, long wallTimeMs,
        boolean warm) {
}
