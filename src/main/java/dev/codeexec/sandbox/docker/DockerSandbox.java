package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.codeexec.sandbox.RunCancelledException;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxResult;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.SandboxUnavailableException;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs each spec in a fresh container: create, attach output, start, feed stdin, wait until the
 * exit or the deadline (then kill the whole container), and remove it off the request path.
 */
@ApplicationScoped
public class DockerSandbox implements Sandbox {

    private static final Logger LOG = Logger.getLogger(DockerSandbox.class);
    /** How long the output stream may take to drain after the exit, and a killed container to stop. */
    private static final Duration GRACE = Duration.ofMillis(800);
    private static final int SIGKILL_EXIT = 137;

    private final DockerClient docker;
    private final ContainerLabels labels;
    private final ContainerJanitor janitor;
    private final Metrics metrics;

    public DockerSandbox(DockerClient docker, ContainerLabels labels, ContainerJanitor janitor, Metrics metrics) {
        this.docker = docker;
        this.labels = labels;
        this.janitor = janitor;
        this.metrics = metrics;
    }

    @Override
    public SandboxResult run(SandboxSpec spec, RunControl control) {
        if (control.cancelled()) {
            throw new RunCancelledException();
        }
        String id;
        try {
            id = timed(Phase.CREATE, () -> ContainerSpecs.create(docker, spec, labels.forRun(spec.language())).exec().getId());
        } catch (RuntimeException e) {
            throw unavailable("create", e);
        }
        janitor.track(id);
        control.onCancel(() -> janitor.killLater(id));
        try {
            return runCreated(id, spec);
        } catch (RuntimeException e) {
            throw unavailable("run", e);
        } finally {
            janitor.removeLater(id);
        }
    }

    private SandboxResult runCreated(String id, SandboxSpec spec) {
        OutputCollector output = new OutputCollector(spec.limits().outputBytes(), () -> janitor.killLater(id));
        timed(Phase.ATTACH, () -> {
            docker.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(output);
            awaitStarted(output);
            return null;
        });
        timed(Phase.START, () -> docker.startContainerCmd(id).exec());
        long started = System.nanoTime();
        long deadline = started + spec.limits().timeout().toNanos();
        try (StdinFeeder stdin = StdinFeeder.feed(docker, id, spec.stdin())) {
            Integer exit = timed(Phase.WAIT, () -> awaitExit(id, deadline - System.nanoTime()));
            boolean timedOut = exit == null;
            if (timedOut) {
                kill(id);
                exit = awaitExit(id, GRACE.toNanos());
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            awaitDrained(output);
            boolean limited = output.limited();
            int code = exit == null ? SIGKILL_EXIT : exit;
            boolean oom = code == SIGKILL_EXIT && !timedOut && !limited && timed(Phase.INSPECT, () -> oomKilled(id));
            return new SandboxResult(code, timedOut, oom, limited, output.output(), wall);
        }
    }

    /** The exit code, or null when the container still runs after {@code nanos}. */
    private Integer awaitExit(String id, long nanos) {
        if (nanos <= 0) {
            return null;
        }
        WaitContainerResultCallback wait = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try {
            if (!wait.awaitCompletion(nanos, TimeUnit.NANOSECONDS)) {
                wait.close();
                return null;
            }
            return wait.awaitStatusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the container", e);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException e) {
            // exited (or gone) on its own meanwhile
        }
    }

    private boolean oomKilled(String id) {
        Boolean oom = docker.inspectContainerCmd(id).exec().getState().getOOMKilled();
        return Boolean.TRUE.equals(oom);
    }

    private static void awaitStarted(OutputCollector output) {
        try {
            output.awaitStarted(GRACE.toMillis() * 10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while attaching", e);
        }
    }

    private static void awaitDrained(OutputCollector output) {
        try {
            if (!output.awaitCompletion(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("output stream still open after the exit; answering with what arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                output.close();
            } catch (java.io.IOException ignored) {
                // closing a finished stream
            }
        }
    }

    /** Times one engine call and counts its failure by kind. */
    private <T> T timed(Phase phase, Supplier<T> call) {
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

    private static SandboxUnavailableException unavailable(String step, RuntimeException e) {
        if (e instanceof SandboxUnavailableException s) {
            return s;
        }
        String detail = e instanceof DockerException d ? d.getHttpStatus() + " " + d.getMessage() : e.toString();
        return new SandboxUnavailableException("Docker engine failed to " + step + " the container: " + detail, e);
    }
}
