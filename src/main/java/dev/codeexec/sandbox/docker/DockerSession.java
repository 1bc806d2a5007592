package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.metrics.Metrics.Phase;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.MemoryInUseException;
import dev.codeexec.sandbox.Outputs;
import dev.codeexec.sandbox.RunCancelledException;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxRefusedException;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.SandboxUnavailableException;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One container used for one request: commands go to its launcher, which runs each step, enforces
 * the step's own limits and reports. The service only keeps a backstop: a step whose report has not
 * come {@code grace} after its time limit gets the whole container killed (and is a TIMEOUT).
 */
final class DockerSession implements SandboxSession {

    /** How long the launcher may take to answer for the files it is sent, or to pack what it leaves. */
    private static final Duration PACK_WAIT = Duration.ofSeconds(15);
    private static final int SIGKILL_EXIT = 137;

    /** What becomes of a session's container when the session ends. */
    interface Owner {
        /** {@code limits}: the container's limits now; {@code broken}: killed, gone, or its launcher misbehaved. */
        void release(PreparedContainer container, ContainerLimits limits, boolean broken);
    }

    private final PreparedContainer container;
    private final boolean warm;
    private final RunControl control;
    private final DockerClient docker;
    private final ContainerFactory factory;
    private final Owner owner;
    private final Duration grace;
    private final Runnable stop;
    private ContainerLimits limits;
    private String broken;

    DockerSession(PreparedContainer container, boolean warm, RunControl control, DockerClient docker,
            ContainerFactory factory, ContainerJanitor janitor, Owner owner, Duration grace) {
        this(container, warm, control, docker, factory, owner, grace, () -> janitor.kill(container.id()));
        control.onCancel(() -> janitor.killLater(container.id()));
    }

    /**
     * A session on a launcher that is not its container's only one (a kept sandbox's): {@code stop}
     * ends that launcher and its steps, not the container (the caller decides what a cancel does).
     */
    DockerSession(PreparedContainer container, boolean warm, RunControl control, DockerClient docker,
            ContainerFactory factory, Owner owner, Duration grace, Runnable stop) {
        this.grace = grace;
        this.stop = stop;
        this.container = container;
        this.warm = warm;
        this.control = control;
        this.docker = docker;
        this.factory = factory;
        this.owner = owner;
        this.limits = container.limits();
    }

    /**
     * Sends every file, then waits for the launcher's answer to each: a file it refused fails the
     * request with a {@link SandboxRefusedException} naming the file (the launcher goes on serving).
     */
    @Override
    public void write(List<SandboxFile> files) {
        checkUsable();
        FileAcks acks = new FileAcks(files);
        container.frames().receiver(acks);
        try {
            files.forEach(f -> container.stdin().send(LauncherProtocol.file(f)));
            acks.done().get(PACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            discard("killed after its launcher did not answer for its files");
            throw new SandboxUnavailableException("the sandbox did not take the request's files in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SandboxRefusedException refused) {
                throw refused;
            }
            broken = "left after its launcher failed on a file";
            if (control.cancelled()) {
                throw new RunCancelledException();
            }
            throw new SandboxUnavailableException(e.getCause().getMessage(), e.getCause());
        } finally {
            container.frames().receiver(null);
        }
    }

    /** The launcher goes at once: whatever it would still send must reach no later command. */
    private void discard(String why) {
        broken = why;
        stop.run();
    }

    @Override
    public StepResult execute(Step step) {
        checkUsable();
        LiveRun live = control.live();
        StepCollector collector = new StepCollector(step.outputBytes(), live, step.kind());
        container.frames().receiver(collector);
        container.stdin().send(LauncherProtocol.step(step, live != null));
        if (live != null) {
            live.attach(step.kind(), new LivePort(container.stdin()));
        }
        long waitMs = step.timeout().plus(grace).toMillis();
        try {
            return result(collector.report().get(waitMs, TimeUnit.MILLISECONDS), collector);
        } catch (TimeoutException e) {
            // The launcher should have ended the step at its limit: the container goes instead.
            discard("killed after its launcher missed a deadline");
            return new StepResult(SIGKILL_EXIT, 9, StepResult.End.TIMEOUT, false, collector.output(), step.timeout(),
                    Duration.ZERO, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        } catch (ExecutionException e) {
            return ended(e.getCause(), collector);
        } finally {
            if (live != null) {
                live.detach();
            }
            container.frames().receiver(null);
        }
    }

    @Override
    public boolean usable() {
        return broken == null && !control.cancelled();
    }

    private void checkUsable() {
        if (control.cancelled()) {
            throw new RunCancelledException();
        }
        if (broken != null) {
            throw new SandboxUnavailableException("the sandbox was " + broken, null);
        }
    }

    /** The output stream ended (or the launcher complained) before the step's report came. */
    private StepResult ended(Throwable cause, StepCollector collector) {
        if (cause instanceof SandboxRefusedException refused) {
            throw refused; // nothing ran; the launcher goes on serving
        }
        if (!(cause instanceof StepCollector.SandboxEndedException)) {
            broken = "left after its launcher complained";
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
        broken = "gone";
        if (control.cancelled()) {
            throw new RunCancelledException();
        }
        // The launcher itself died: the kernel's OOM killer, or someone killed the container.
        Boolean oom = factory.timed(Phase.INSPECT,
                () -> docker.inspectContainerCmd(container.id()).exec().getState().getOOMKilled());
        if (Boolean.TRUE.equals(oom)) {
            return new StepResult(SIGKILL_EXIT, 9, StepResult.End.EXITED, true, collector.output(), Duration.ZERO,
                    Duration.ZERO, 0);
        }
        throw new SandboxUnavailableException(cause.getMessage() + " before the step's result came", null);
    }

    private static StepResult result(LauncherProtocol.ReportFrame report, StepCollector collector) {
        StepResult.End end = switch (report.reason()) {
            case "timeout" -> StepResult.End.TIMEOUT;
            case "cpu" -> StepResult.End.CPU_LIMIT;
            case "output" -> StepResult.End.OUTPUT_LIMIT;
            default -> StepResult.End.EXITED;
        };
        // The launcher read the kernel's own OOM count from the container's memory cgroup.
        boolean oom = report.oomKills() > 0 && report.exit() != 0 && end != StepResult.End.OUTPUT_LIMIT;
        return new StepResult(report.exit(), report.signal(), end, oom, collector.output(), Duration.ofNanos(report.wallMicros() * 1000),
                Duration.ofNanos(report.cpuMicros() * 1000), report.maxRssKb());
    }

    @Override
    public void limit(ContainerLimits next) {
        checkUsable();
        if (next.equals(limits)) {
            return;
        }
        if (!limits.canChangeTo(next)) {
            throw new IllegalArgumentException("only memory, CPU and processes can change in a running sandbox");
        }
        try {
            factory.update(container.id(), next);
        } catch (RuntimeException e) {
            // runc: "unable to set memory limit to N (current usage: M, ...)"
            if (String.valueOf(e.getMessage()).contains("unable to set memory limit")) {
                throw new MemoryInUseException(e.getMessage(), e);
            }
            throw DockerErrors.unavailable("update", e);
        }
        limits = next;
    }

    @Override
    public List<SandboxFile> pack() {
        Outputs packed = collect(LauncherProtocol.pack());
        return packed.cut() ? List.of() : packed.files();
    }

    @Override
    public Outputs outputs(List<String> patterns, int maxFiles, long maxBytes) {
        return collect(LauncherProtocol.outputs(patterns, maxFiles, maxBytes));
    }

    /** Sends a pack or outputs command and gathers the files it answers with. */
    private Outputs collect(byte[] command) {
        checkUsable();
        PackCollector collector = new PackCollector();
        container.frames().receiver(collector);
        container.stdin().send(command);
        try {
            return collector.files().get(PACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // A pack cut off may leave part of its frames behind: the container serves nothing more.
            discard("killed after a pack that did not finish");
            return new Outputs(List.of(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        } finally {
            container.frames().receiver(null);
        }
    }

    @Override
    public boolean warm() {
        return warm;
    }

    @Override
    public void close() {
        owner.release(container, limits, broken != null || control.cancelled());
    }
}
