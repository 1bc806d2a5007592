package dev.codeexec.health;

import dev.codeexec.execution.RunSlots;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.RuntimeProvisioner;
import dev.codeexec.sandbox.Engine;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the Docker engine answers a ping within 2 s, the first provisioning pass has tried
 * every enabled language with at least one ready, and the engine's circuit breaker is not open.
 * It only observes: recovery (closing the circuit, provisioning again) is EngineRecovery's and
 * RuntimeProvisioner's scheduled work. The data names each language's state.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private static final long PING_TIMEOUT_MS = 2000;

    private final Engine engine;
    private final RuntimeProvisioner provisioner;
    private final LanguageRegistry registry;
    private final CircuitBreakerMaintenance circuits;

    public ReadinessCheck(Engine engine, RuntimeProvisioner provisioner, LanguageRegistry registry,
            CircuitBreakerMaintenance circuits) {
        this.engine = engine;
        this.provisioner = provisioner;
        this.registry = registry;
        this.circuits = circuits;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("docker-and-runtimes");
        boolean up = ping(response);
        CircuitBreakerState circuit = circuits.currentState(RunSlots.CIRCUIT);
        response.withData("circuit", circuit.name());
        up &= circuit != CircuitBreakerState.OPEN;
        response.withData("provisioned", provisioner.finished());
        var failures = provisioner.failures();
        registry.languages().forEach(l -> response.withData(l.id(), registry.runtime(l)
                .map(r -> r.version() + " (" + r.image() + ")")
                .orElseGet(() -> failures.containsKey(l.id()) ? "unavailable: " + failures.get(l.id()) : "provisioning")));
        up &= provisioner.finished() && !registry.runtimes().isEmpty();
        return response.status(up).build();
    }

    private boolean ping(HealthCheckResponseBuilder response) {
        try {
            response.withData("engineVersion",
                    CompletableFuture.supplyAsync(engine::version).get(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS));
            return true;
        } catch (TimeoutException e) {
            response.withData("engine", "no answer within " + PING_TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            response.withData("engine", String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.withData("engine", "interrupted");
        }
        return false;
    }
}
