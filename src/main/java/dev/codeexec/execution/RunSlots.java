package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxUnavailableException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Plans run behind SmallRye Fault Tolerance: a circuit breaker that opens only on engine failures
 * (a program's failure is a normal result, never an exception), an outer timeout, and a bulkhead
 * (plans at once, plus a bounded queue): one request holds one slot for all its steps. The numbers
 * here are placeholders: application.properties sets them from code-exec.execution.* so operators
 * tune them through the environment.
 */
@ApplicationScoped
public class RunSlots {

    /** Name of the circuit breaker, for health checks. */
    public static final String CIRCUIT = "docker-engine";

    private final PlanRunner runner;
    private final Metrics metrics;
    private final int slots;
    private final int queue;

    public RunSlots(PlanRunner runner, Metrics metrics, CodeExecConfig config) {
        this.runner = runner;
        this.metrics = metrics;
        this.slots = config.execution().maxConcurrent();
        this.queue = config.execution().queue();
    }

    /**
     * Every slot is taken and the queue is full: a new plan would be refused by the bulkhead. Known
     * from the counts alone, so a request can be refused before its body is read (a race with a run
     * that ends at this moment only means the bulkhead decides, as it always does).
     */
    public boolean full() {
        return metrics.inFlight() >= slots && metrics.queued() >= queue;
    }

    /** {@code onStart} runs once the plan has a slot (it left the queue). */
    @Asynchronous
    @CircuitBreaker(failOn = SandboxUnavailableException.class, requestVolumeThreshold = 4, failureRatio = 0.5,
            delay = 5000, successThreshold = 1)
    @CircuitBreakerName(CIRCUIT)
    @Timeout(30_000)
    @Bulkhead(value = 4, waitingTaskQueue = 32)
    CompletionStage<PlanResult> run(Plan plan, RunControl control, Runnable onStart) {
        onStart.run();
        metrics.started();
        try {
            return CompletableFuture.completedFuture(runner.run(plan, control));
        } finally {
            metrics.finished();
        }
    }
}
