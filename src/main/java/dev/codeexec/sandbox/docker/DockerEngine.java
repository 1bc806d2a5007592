package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.sandbox.Engine;
import dev.codeexec.sandbox.SandboxUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DockerEngine implements Engine {

    private final DockerClient docker;

    private final ContainerJanitor janitor;
    private final OrphanReaper orphans;

    public DockerEngine(DockerClient docker, ContainerJanitor janitor, OrphanReaper orphans) {
        this.docker = docker;
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
    public String version() {
        try {
            return docker.versionCmd().exec().getVersion();
        } catch (RuntimeException e) {
            throw new SandboxUnavailableException("Docker engine does not answer: " + e.getMessage(), e);
        }
    }
}
