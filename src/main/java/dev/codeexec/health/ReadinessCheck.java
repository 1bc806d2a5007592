package dev.codeexec.health;

import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.RuntimeProvisioner;
import dev.codeexec.sandbox.Engine;
import dev.codeexec.sandbox.SandboxUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Docker engine answers and image provisioning has finished with at least one language. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final Engine engine;
    private final RuntimeProvisioner provisioner;
    private final LanguageRegistry registry;

    public ReadinessCheck(Engine engine, RuntimeProvisioner provisioner, LanguageRegistry registry) {
        this.engine = engine;
        this.provisioner = provisioner;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("docker-and-runtimes");
        boolean up = true;
        try {
            response.withData("engineVersion", engine.version());
        } catch (SandboxUnavailableException e) {
            response.withData("engine", e.getMessage());
            up = false;
        }
        response.withData("provisioned", provisioner.finished());
        registry.runtimes().forEach(r -> response.withData(r.language().id(), r.version() + " (" + r.image() + ")"));
        provisioner.failures().forEach((language, reason) -> response.withData(language, "unavailable: " + reason));
        up &= provisioner.finished() && !registry.runtimes().isEmpty();
        return response.status(up).build();
    }
}
