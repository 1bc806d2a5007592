package dev.codeexec.execution;

import dev.codeexec.sandbox.StepResult;
import java.util.List;

/**
 * What a plan's steps did: the compile step's result (null without one; when {@code cached}, the
 * earlier compilation's whose artefacts were reused) and each run step's, in order.
 */
record Report(StepResult compile, boolean cached, List<StepResult> runs, boolean warm) {
}
