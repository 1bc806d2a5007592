package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.sandbox.Engine;
import dev.codeexec.sandbox.SandboxUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DockerEngine implements Engine {

    private final DockerClient docker;

    private final ContainerJanitor janitor;

    public DockerEngine(DockerClient docker, ContainerJanitor janitor) {
        this.docker = docker;
        this.janitor = janitor;
    }

    @Override
    public int removeLeftovers() {
        try {
            return janitor.reapInstance();
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
