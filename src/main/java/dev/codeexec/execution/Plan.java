package dev.codeexec.execution;

import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SessionSpec;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * What one request does in its sandbox: the files, an optional compile step (under the sandbox's
 * first limits; {@code compileKey} names it in the compile cache, null when it may not be cached), then
 * the run steps under {@code runLimits}, one after the other while {@code proceed} (given the index
 * and result of the step just run) says so.
 */
record Plan(SessionSpec sandbox, List<SandboxFile> files, Step compile, String compileKey, ContainerLimits runLimits,
        List<Step> runs, BiPredicate<Integer, StepResult> proceed) {
}
