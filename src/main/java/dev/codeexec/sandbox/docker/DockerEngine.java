package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.Engine;
import dev.codeexec.sandbox.SandboxUnavailableException;
import dev.codeexec.sandbox.SandboxSpec;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DockerEngine implements Engine {

    private static final ContainerLimits TRIAL = new ContainerLimits(64L << 20, 0.5, 16, 1L << 20, 64, 1L << 20, 64);

    private final DockerClient docker;
    private final ContainerFactory factory;
    private final ContainerJanitor janitor;
    private final OrphanReaper orphans;

    public DockerEngine(DockerClient docker, ContainerFactory factory, ContainerJanitor janitor, OrphanReaper orphans) {
        this.docker = docker;
        this.factory = factory;
        this.janitor = janitor;
        this.orphans = orphans;
    }

    @Override
    public int removeLeftovers() {
        try {
            return janitor.reapInstance() + orphans.reap();
        } catch (RuntimeException e) {
            throw new SandboxUnavailableException("could not list leftover containers: " + e.getMessage(), e);
        }
    }

    @Override
    public void trial(String image) {
        PreparedContainer container;
        try {
            container = factory.prepare(new SandboxSpec("trial", image, TRIAL), false);
        } catch (RuntimeException e) {
            throw new SandboxUnavailableException("Docker engine failed to start a container: " + e.getMessage(), e);
        }
        container.detach();
        janitor.removeLater(container.id());
    }

    @Override
    public String version() {
        try {
            return docker.versionCmd().exec().getVersion();
        } catch (RuntimeException e) {
            throw new SandboxUnavailableException("Docker engine does not answer: " + e.getMessage(), e);
        }
    }
}
