package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Docker client ({@code code-exec.docker.*}). */
public interface DockerConfig {
    /** Engine address; default: DOCKER_HOST, else the local unix socket. */
    Optional<String> host();

    /** Timeout to connect to the engine. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for an answer from the engine (streams included: keep it above the max timeout). */
    @WithDefault("60s")
    Duration responseTimeout();

    /** Most connections to the engine at once. */
    @WithDefault("200")
    int maxConnections();

    /** Id of this instance, carried by its containers' labels; default: host name plus a random suffix, unique per process. */
    Optional<String> instanceId();

    /** Service name in the containers' labels; instances with the same one reap each other's orphans. */
    @WithDefault("code-exec")
    String service();

    /** A container of another instance older than this is an orphan; default pool.max-idle + execution.guard-timeout-ms + 1 min. */
    Optional<Duration> reapAfter();

    /** How often orphans of dead instances are looked for. */
    @WithDefault("1m")
    Duration reapEvery();

    /**
     * How long past a step's own limit the launcher's report may take before the service kills
     * the sandbox (the step is then a TIMEOUT; later test cases go on in a fresh sandbox).
     */
    @WithDefault("1500ms")
    Duration launcherGrace();
}
