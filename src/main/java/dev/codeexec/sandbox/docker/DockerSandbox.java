package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.WaitResponse;
import dev.codeexec.metrics.Metrics.Phase;
import dev.codeexec.sandbox.RunCancelledException;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxResult;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.SandboxUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each spec in a fresh container, never reused: one taken from the warm pool when it fits,
 * else one created now. The program's text, arguments and input go to the launcher's stdin; the
 * run ends at the launcher's completion marker (early completion: no wait for the engine to
 * notice the exit), at the engine's exit, or at the deadline (then the whole container is killed).
 * Removal happens off the request path.
 */
@ApplicationScoped
public class DockerSandbox implements Sandbox {

    /** How long the engine may take to report an exit, and the output to drain, after the end. */
    private static final Duration GRACE = Duration.ofMillis(1000);
    private static final int SIGKILL_EXIT = 137;

    private final DockerClient docker;
    private final DockerClient streaming;
    private final ContainerFactory factory;
    private final DockerWarmPool pool;
    private final ContainerJanitor janitor;

    public DockerSandbox(DockerClient docker, @Streaming DockerClient streaming, ContainerFactory factory,
            DockerWarmPool pool, ContainerJanitor janitor) {
        this.docker = docker;
        this.streaming = streaming;
        this.factory = factory;
        this.pool = pool;
        this.janitor = janitor;
    }

    @Override
    public SandboxResult run(SandboxSpec spec, RunControl control) {
        if (control.cancelled()) {
            throw new RunCancelledException();
        }
        PreparedContainer container;
        boolean warm;
        try {
            java.util.Optional<PreparedContainer> pooled = pool.take(spec);
            warm = pooled.isPresent();
            container = pooled.orElseGet(() -> factory.prepare(spec, false));
        } catch (RuntimeException e) {
            throw unavailable("create", e);
        }
        control.onCancel(() -> janitor.killLater(container.id()));
        try {
            return execute(container, spec, warm);
        } catch (RuntimeException e) {
            throw unavailable("run", e);
        } finally {
            control.finished();
            container.detach();
            janitor.removeLater(container.id());
        }
    }

    private SandboxResult execute(PreparedContainer container, SandboxSpec spec, boolean warm) {
        String id = container.id();
        String nonce = LauncherProtocol.nonce();
        OutputCollector output = container.output();
        output.arm(spec.limits().outputBytes(), () -> janitor.killLater(id), nonce);

        // The clock starts when the program gets its text, not when the container did.
        long started = System.nanoTime();
        long deadline = started + spec.limits().timeout().toNanos();
        container.stdin().send(LauncherProtocol.stdin(spec.code(), spec.args(), spec.input(), nonce));
        // Usually the launcher's marker ends the run; the engine is only asked when the exit needs
        // explaining (no marker: the container stopped, was killed, or its launcher died).
        Object first = factory.timed(Phase.WAIT, () -> await(
                CompletableFuture.anyOf(output.completion(), output.ended()), deadline - System.nanoTime()));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        LauncherExit reported = output.completion().getNow(null);
        boolean timedOut = first == null && reported == null;
        if (timedOut) {
            janitor.kill(id);
        }
        int code;
        boolean oom;
        if (reported != null) {
            code = reported.status();
            // The launcher read the kernel's own count from the container's memory cgroup.
            oom = reported.oomKills() > 0 && code != 0
                    || reported.oomKills() < 0 && code == SIGKILL_EXIT && !output.limited() && engineSaysOom(id);
        } else {
            Integer exit = engineExit(id);
            await(output.ended(), GRACE.toNanos());
            code = exit == null ? SIGKILL_EXIT : exit;
            // Without a marker the launcher itself was killed: the engine knows whether by the OOM killer.
            oom = code == SIGKILL_EXIT && !timedOut && !output.limited() && engineSaysOom(id);
        }
        return new SandboxResult(code, timedOut, oom, output.limited(), output.output(), wall, warm);
    }

    /** The container's exit code as the engine reports it, waiting at most the grace period. */
    private Integer engineExit(String id) {
        ExitWatch engine = ExitWatch.start(streaming, id);
        try {
            return await(engine.exit, GRACE.toNanos());
        } finally {
            engine.close();
        }
    }

    private boolean engineSaysOom(String id) {
        engineExit(id);
        return factory.timed(Phase.INSPECT, () -> oomKilled(id));
    }

    private static <T> T await(CompletableFuture<T> future, long nanos) {
        try {
            return future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            return null;
        }
    }

    private boolean oomKilled(String id) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getOOMKilled());
    }

    private static SandboxUnavailableException unavailable(String step, RuntimeException e) {
        if (e instanceof SandboxUnavailableException s) {
            return s;
        }
        String detail = e instanceof DockerException d ? d.getHttpStatus() + " " + d.getMessage() : e.toString();
        return new SandboxUnavailableException("Docker engine failed to " + step + " the container: " + detail, e);
    }

    /** The engine's wait on a container, as a future of its exit code. */
    private static final class ExitWatch extends ResultCallback.Adapter<WaitResponse> {

        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        static ExitWatch start(DockerClient docker, String id) {
            return docker.waitContainerCmd(id).exec(new ExitWatch());
        }

        @Override
        public void onNext(WaitResponse response) {
            exit.complete(response.getStatusCode());
        }

        @Override
        public void onError(Throwable throwable) {
            exit.completeExceptionally(throwable);
        }

        @Override
        public void close() {
            try {
                super.close();
            } catch (java.io.IOException ignored) {
                // already closed
            }
        }
    }
}
