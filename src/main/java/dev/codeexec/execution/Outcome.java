package dev.codeexec.execution;

import java.util.List;

/**
 * What a request did, as the API reports it: the run (null when the program was not run because
 * its compilation failed, or when it ran test cases), the compilation (null for interpreted
 * languages), the overall status and message; for test cases, each case and their summary (whose
 * verdict is then the status).
 */
public record Outcome(String language, String version, String status, String message, StepOutcome run,
        StepOutcome compile, List<CaseOutcome> tests, Summary summary, boolean warm) {
}
