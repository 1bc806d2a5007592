package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.sandbox.RunCancelledException;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.SandboxSpec;
import jakarta.enterprise.context.ApplicationScoped;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.sandbox.KeptSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Each session gets a fresh container, never reused: one taken from the warm pool when it fits,
 * else one created now; removal happens off the request path. In throughput mode a session instead
 * borrows a long-lived container whose launcher runs each step in fresh namespaces (WorkerPool).
 */
@ApplicationScoped
public class DockerSandbox implements Sandbox {

    private final DockerClient docker;
    private final ContainerFactory factory;
    private final DockerWarmPool pool;
    private final WorkerPool workers;
    private final ContainerJanitor janitor;
    private final ContainerLabels labels;
    private final Duration grace;
    private final int channels;

    public DockerSandbox(DockerClient docker, ContainerFactory factory, DockerWarmPool pool, WorkerPool workers,
            ContainerJanitor janitor, ContainerLabels labels, CodeExecConfig config) {
        this.grace = config.docker().launcherGrace();
        this.channels = config.sessions().channels();
        this.labels = labels;
        this.docker = docker;
        this.factory = factory;
        this.pool = pool;
        this.workers = workers;
        this.janitor = janitor;
    }

    @Override
    public SandboxSession open(SandboxSpec spec, RunControl control) {
        if (control.cancelled()) {
            throw new RunCancelledException();
        }
        try {
            if (workers.serves(spec.language())) {
                Optional<WorkerPool.Leased> leased = workers.lease(spec);
                if (leased.isPresent()) {
                    DockerSession session = new DockerSession(leased.get().container(), leased.get().warm(), control,
                            docker, factory, janitor, leased.get(), grace);
                    return withLimits(session, spec);
                }
            }
            Optional<PreparedContainer> pooled = pool.take(spec);
            PreparedContainer container = pooled.orElseGet(() -> factory.prepare(spec, false));
            return new DockerSession(container, pooled.isPresent(), control, docker, factory, janitor,
                    (c, limits, broken) -> {
                        c.detach();
                        janitor.removeLater(c.id());
                        pool.runEnded();
                    }, grace);
        } catch (RuntimeException e) {
            throw DockerErrors.unavailable("create", e);
        }
    }

    @Override
    public KeptSandbox keep(SandboxSpec spec, String name, Instant until) {
        try {
            PreparedContainer main = factory.prepareKept(spec, labels.forSession(spec.language(), name, until));
            return new DockerKeptSandbox(main, docker, factory, janitor, grace, channels);
        } catch (RuntimeException e) {
            throw DockerErrors.unavailable("create", e);
        }
    }

    /** A worker serves requests of any memory, CPU and process limits: this request's are set now. */
    private static DockerSession withLimits(DockerSession session, SandboxSpec spec) {
        try {
            session.limit(spec.limits());
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
