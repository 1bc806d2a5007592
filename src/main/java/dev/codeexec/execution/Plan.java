package dev.codeexec.execution;

import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SessionSpec;
import dev.codeexec.sandbox.Step;
import java.util.List;

/**
 * What one request does in its sandbox: the files, an optional compile step (under the sandbox's
 * first limits), then the run steps under {@code runLimits}.
 */
record Plan(SessionSpec sandbox, List<SandboxFile> files, Step compile, ContainerLimits runLimits, List<Step> runs) {
}
