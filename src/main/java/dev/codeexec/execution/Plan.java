package dev.codeexec.execution;

import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What one request does in its sandbox: the files, an optional compile step (under the sandbox's
 * first limits; {@code compileKey} names it in the compile cache, null when it may not be cached), then
 * the run steps under {@code runLimits}, one after the other. With test cases, {@code judge} gives
 * each run step's verdict (given its index and result, all its output) as soon as it ran, and
 * {@code stopOnFirstFailure} ends the plan at the first verdict that is not ACCEPTED. The answer
 * keeps at most {@code outputBudget} bytes of output of all steps together; {@code outputs} (or null)
 * names the files the run writes to bring back.
 */
record Plan(SandboxSpec sandbox, List<SandboxFile> files, Step compile, String compileKey, ContainerLimits runLimits,
        List<Step> runs, BiFunction<Integer, StepResult, Verdict> judge, boolean stopOnFirstFailure,
        long outputBudget, Wanted outputs) {

    /** The files to bring back after the (single) run: patterns, at most {@code files} of {@code bytes}. */
    record Wanted(List<String> patterns, int files, long bytes) {
    }
}
