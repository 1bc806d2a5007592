package dev.codeexec.execution;

import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxResult;
import dev.codeexec.sandbox.SandboxSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The sandbox behind SmallRye Fault Tolerance: a bulkhead (runs at once, plus a bounded queue)
 * and an outer timeout. The numbers here are placeholders: application.properties sets them from
 * code-exec.execution.* so operators tune them through the environment.
 */
@ApplicationScoped
public class GuardedSandbox {

    private final Sandbox sandbox;

    public GuardedSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Asynchronous
    @Bulkhead(value = 4, waitingTaskQueue = 32)
    @Timeout(30_000)
    public CompletionStage<SandboxResult> run(SandboxSpec spec, RunControl control) {
        return CompletableFuture.completedFuture(sandbox.run(spec, control));
    }
}
