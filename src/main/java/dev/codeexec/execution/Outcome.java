package dev.codeexec.execution;

/**
 * What a request did, as the API reports it: the run (null when the program was not run because
 * its compilation failed), the compilation (null for interpreted languages), the overall status and
 * message.
 */
public record Outcome(String language, String version, RunStatus status, String message, StepOutcome run,
        StepOutcome compile, boolean warm) {
}
