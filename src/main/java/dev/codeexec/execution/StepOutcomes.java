package dev.codeexec.execution;

import dev.codeexec.sandbox.StepResult;
import java.time.Duration;

/** The API's statuses for one step run outside a plan (a session's command or program). */
public final class StepOutcomes {

    private StepOutcomes() {
    }

    /** The answer of a run of {@code language} whose one step ended as {@code result}. */
    public static Outcome of(String language, String version, StepResult result, Duration timeout, long memoryBytes,
            long outputCap) {
        StepOutcome run = OutcomeClassifier.step(result, timeout, memoryBytes, outputCap, false);
        return new Outcome(language, version, run.status().name(), run.message(), run, null, null, null, false);
    }

    /** The answer of a compile step that failed (its run never happened). */
    public static Outcome compileFailed(String language, String version, StepResult result, Duration timeout,
            long memoryBytes, long outputCap) {
        StepOutcome compile = OutcomeClassifier.step(result, timeout, memoryBytes, outputCap, true);
        return new Outcome(language, version, compile.status().name(), OutcomeClassifier.compileMessage(compile), null,
                compile, null, null, false);
    }
}
