package dev.codeexec.health;

import dev.codeexec.execution.RunSlots;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.sandbox.Engine;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Closes the engine's circuit breaker once the engine works again. A replica whose circuit is open
 * is taken out of traffic (readiness), so no request would ever try the engine again; this job
 * does instead: it starts and removes a real container, and only when that works resets the circuit.
 */
@ApplicationScoped
public class EngineRecovery {

    private static final Logger LOG = Logger.getLogger(EngineRecovery.class);

    private final Engine engine;
    private final LanguageRegistry registry;
    private final CircuitBreakerMaintenance circuits;

    public EngineRecovery(Engine engine, LanguageRegistry registry, CircuitBreakerMaintenance circuits) {
        this.engine = engine;
        this.registry = registry;
        this.circuits = circuits;
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tryEngine() {
        if (circuits.currentState(RunSlots.CIRCUIT) != CircuitBreakerState.OPEN) {
            return;
        }
        registry.runtimes().stream().findFirst().ifPresent(runtime -> {
            try {
                engine.trial(runtime.image());
                circuits.reset(RunSlots.CIRCUIT);
                LOG.info("the container engine works again: circuit closed");
            } catch (RuntimeException e) {
                LOG.debugf("the container engine still fails: %s", e.getMessage());
            }
        });
    }
}
