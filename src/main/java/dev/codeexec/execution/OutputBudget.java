package dev.codeexec.execution;

import dev.codeexec.sandbox.StepResult;
import java.util.Arrays;

/**
 * The most output (stdout and stderr of every step together) one request keeps for its answer.
 * Each step is judged on all it printed (up to its own cap) before it passes through here; what
 * is past the budget is dropped and the step's output is marked cut.
 */
final class OutputBudget {

    private long left;

    OutputBudget(long bytes) {
        this.left = bytes;
    }

    /** The step with as much of its output as the budget still holds (stdout first, then stderr). */
    StepResult keep(StepResult step) {
        StepResult.Output out = step.output();
        int stdout = take(out.stdout().length);
        int stderr = take(out.stderr().length);
        if (stdout == out.stdout().length && stderr == out.stderr().length) {
            return step;
        }
        byte[] combined = Arrays.copyOf(out.combined(), Math.min(out.combined().length, stdout + stderr));
        return step.withOutput(new StepResult.Output(Arrays.copyOf(out.stdout(), stdout),
                Arrays.copyOf(out.stderr(), stderr), combined, true));
    }

    private int take(int wanted) {
        int taken = (int) Math.min(wanted, left);
        left -= taken;
        return taken;
    }
}
