package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Phase;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.SandboxSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Creates, attaches and starts containers, timing each engine call. */
@ApplicationScoped
public class ContainerFactory {

    private static final long ATTACH_TIMEOUT_MS = 10_000;

    private final DockerClient docker;
    private final DockerClient streaming;
    private final ContainerLabels labels;
    private final ContainerJanitor janitor;
    private final Metrics metrics;

    public ContainerFactory(DockerClient docker, @Streaming DockerClient streaming, ContainerLabels labels,
            ContainerJanitor janitor, Metrics metrics) {
        this.docker = docker;
        this.streaming = streaming;
        this.labels = labels;
        this.janitor = janitor;
        this.metrics = metrics;
    }

    /** A started container for the spec's image and limits, its launcher waiting for commands. */
    PreparedContainer prepare(SandboxSpec spec, boolean pooled) {
        return prepare(spec, pooled, false);
    }

    /** A long-lived throughput-mode container: its launcher runs every step in fresh namespaces. */
    PreparedContainer prepareWorker(SandboxSpec spec) {
        return prepare(spec, true, true);
    }

    private PreparedContainer prepare(SandboxSpec spec, boolean pooled, boolean namespaces) {
        return create(spec, labels.forRun(spec.language(), pooled), namespaces);
    }

    private PreparedContainer create(SandboxSpec spec, Map<String, String> labels, boolean namespaces) {
        String id = timed(Phase.CREATE, () -> ContainerSpecs.create(docker, spec, labels, namespaces).exec().getId());
        janitor.track(id);
        try {
            return attachAndStart(id, spec);
        } catch (RuntimeException e) {
            janitor.removeLater(id);
            throw e;
        }
    }

    /** Attaches output (before the start, so nothing is lost) and stdin, then starts the container. */
    private PreparedContainer attachAndStart(String id, SandboxSpec spec) {
        LauncherFrames frames = new LauncherFrames();
        StdinChannel stdin = timed(Phase.ATTACH, () -> {
            streaming.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(frames);
            awaitStarted(frames);
            return StdinChannel.open(streaming, id, ATTACH_TIMEOUT_MS);
        });
        timed(Phase.START, () -> docker.startContainerCmd(id).exec());
        return new PreparedContainer(id, frames, stdin, spec.limits());
    }

    /**
     * A kept sandbox's container (a session's): its launcher, PID 1, only waits; {@link #join}
     * starts the launchers that do the work.
     */
    PreparedContainer prepareKept(SandboxSpec spec, Map<String, String> labels) {
        return create(spec, labels, true);
    }

    /**
     * Another launcher in a running container ({@code docker exec}, as the container's PID 1 runs):
     * its steps and places are its own, and it ends with everything it started when its connection
     * closes. Returned as a container whose frames and stdin are that launcher's.
     */
    PreparedContainer join(PreparedContainer container) {
        String execId = timed(Phase.CREATE, () -> docker.execCreateCmd(container.id())
                .withCmd(LauncherProtocol.LAUNCHER, "--namespaces")
                .withUser(ContainerSpecs.USER)
                .withWorkingDir(ContainerSpecs.WORKDIR)
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                .exec().getId());
        LauncherFrames frames = new LauncherFrames();
        StdinChannel stdin = timed(Phase.ATTACH, () -> {
            StdinChannel channel = StdinChannel.exec(streaming, execId, frames);
            try {
                awaitStarted(frames);
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
            return channel;
        });
        return new PreparedContainer(container.id(), frames, stdin, container.limits());
    }

    /** Changes a running container's memory (swap equal to it), CPU quota and process limit. */
    void update(String id, ContainerLimits limits) {
        timed(Phase.UPDATE, () -> docker.updateContainerCmd(id)
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
                .withPidsLimit((long) limits.pids())
                .exec());
    }

    /** Times one engine call and counts its failure by kind. */
    <T> T timed(Phase phase, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } catch (RuntimeException e) {
            metrics.dockerError(DockerErrors.kind(e));
            throw e;
        } finally {
            metrics.phase(phase, System.nanoTime() - start);
        }
    }

    private static void awaitStarted(LauncherFrames frames) {
        try {
            if (!frames.awaitStarted(ATTACH_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new DockerErrors.EngineTimeoutException("output attach did not start", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerErrors.EngineTimeoutException("interrupted while attaching", e);
        }
    }
}
