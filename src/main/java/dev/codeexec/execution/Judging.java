package dev.codeexec.execution;

import java.util.List;

/** How a request's test cases are judged: the cases (with their expected outputs), the compare mode, the tolerance. */
record Judging(List<TestCase> cases, Judge.Mode mode, double tolerance, boolean stopOnFirstFailure) {

    Verdict verdict(int index, StepOutcome run) {
        return Judge.verdict(run, cases.get(index).expectedOutput(), mode, tolerance);
    }
}
