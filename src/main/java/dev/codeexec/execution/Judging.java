package dev.codeexec.execution;

import java.util.List;

/**
 * How a request's test cases are judged: the cases (with their expected outputs), the compare mode, the
 * tolerance, and which output is compared: stdout, or stdout and stderr as interleaved (combinedOutput).
 */
record Judging(List<TestCase> cases, Judge.Mode mode, double tolerance, boolean stopOnFirstFailure,
        boolean combinedOutput) {

    Verdict verdict(int index, StepOutcome run) {
        return Judge.verdict(run, combinedOutput ? run.output() : run.stdout(), cases.get(index).expectedOutput(), mode,
                tolerance);
    }
}
