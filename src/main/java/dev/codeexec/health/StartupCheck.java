package dev.codeexec.health;

import dev.codeexec.language.RuntimeProvisioner;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once image provisioning has finished (images may take minutes to build on a new engine). */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    private final RuntimeProvisioner provisioner;

    public StartupCheck(RuntimeProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("image-provisioning").status(provisioner.finished()).build();
    }
}
