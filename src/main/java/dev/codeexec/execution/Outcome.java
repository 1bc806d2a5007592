package dev.codeexec.execution;

import dev.codeexec.sandbox.Outputs;
import java.util.List;

/**
 * What a request did, as the API reports it: the run (null when the program was not run because
 * its compilation failed, or when it ran test cases), the compilation (null for interpreted
 * languages), the overall status and message; for test cases, each case and their summary (whose
 * verdict is then the status); the files the request asked to bring back (null when it asked for
 * none, or the program did not run).
 */
public record Outcome(String language, String version, String status, String message, StepOutcome run,
        StepOutcome compile, List<CaseOutcome> tests, Summary summary, boolean warm, Outputs outputs) {

    public Outcome(String language, String version, String status, String message, StepOutcome run,
            StepOutcome compile, List<CaseOutcome> tests, Summary summary, boolean warm) {
        this(language, version, status, message, run, compile, tests, summary, warm, null);
    }
}
