package dev.codeexec.health;

import dev.codeexec.execution.GuardedSandbox;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.RuntimeProvisioner;
import dev.codeexec.sandbox.Engine;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the Docker engine answers a ping within 2 s, provisioning has finished with at least
 * one language, and the engine's circuit breaker is closed. A successful ping closes an open
 * circuit and retries languages that failed to provision, so readiness recovers by itself.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private static final long PING_TIMEOUT_MS = 2000;

    private final Engine engine;
    private final RuntimeProvisioner provisioner;
    private final LanguageRegistry registry;
    private final CircuitBreakerMaintenance circuits;
    private final ExecutorService pinger = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "engine-ping");
        t.setDaemon(true);
        return t;
    });

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
        CircuitBreakerState circuit = circuits.currentState(GuardedSandbox.CIRCUIT);
        if (up && circuit != CircuitBreakerState.CLOSED) {
            // The engine answers again. Close the circuit now: a replica taken out of traffic would
            // otherwise never see the request that lets an open circuit try again.
            circuits.reset(GuardedSandbox.CIRCUIT);
            circuit = circuits.currentState(GuardedSandbox.CIRCUIT);
        }
        if (up) {
            provisioner.retryFailed();
        }
        response.withData("circuit", circuit.name());
        up &= circuit == CircuitBreakerState.CLOSED;
        response.withData("provisioned", provisioner.finished());
        registry.runtimes().forEach(r -> response.withData(r.language().id(), r.version() + " (" + r.image() + ")"));
        provisioner.failures().forEach((language, reason) -> response.withData(language, "unavailable: " + reason));
        up &= provisioner.finished() && !registry.runtimes().isEmpty();
        return response.status(up).build();
    }

    private boolean ping(HealthCheckResponseBuilder response) {
        try {
            response.withData("engineVersion",
                    CompletableFuture.supplyAsync(engine::version, pinger).get(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS));
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
