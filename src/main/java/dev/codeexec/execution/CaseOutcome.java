package dev.codeexec.execution;

/** One test case as the API reports it: its verdict and, unless it was skipped, how its run went. */
public record CaseOutcome(String name, Verdict verdict, StepOutcome run) {
}
