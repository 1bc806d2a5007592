package dev.codeexec.execution;

import dev.codeexec.sandbox.Outputs;
import dev.codeexec.sandbox.StepResult;
import java.util.List;

/**
 * What a plan's steps did: the compile step's result (null without one; when {@code cached}, the
 * earlier compilation's whose artefacts were reused) and each run step's, in order, with the output
 * the request's budget kept; with test cases, each run step's verdict (judged on all its output);
 * the files the request asked to bring back (null when it asked for none).
 */
record PlanResult(StepResult compile, boolean cached, List<StepResult> runs, List<Verdict> verdicts, boolean warm,
        Outputs outputs) {

    PlanResult(StepResult compile, boolean cached, List<StepResult> runs, boolean warm) {
        this(compile, cached, runs, List.of(), warm, null);
    }

    PlanResult(StepResult compile, boolean cached, List<StepResult> runs, List<Verdict> verdicts, boolean warm) {
        this(compile, cached, runs, verdicts, warm, null);
    }
}
