package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.KeptSandbox;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxBusyException;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.SandboxUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A session's container: its PID 1 launcher only waits (its attach held, so the container ends when
 * the service does), and every command runs on a launcher joined to it ({@code docker exec}), each
 * killing only what it started. Idle launchers wait for the next use; at most {@code channels} exist.
 */
final class DockerKeptSandbox implements KeptSandbox {

    private final PreparedContainer main;
    private final DockerClient docker;
    private final ContainerFactory factory;
    private final ContainerJanitor janitor;
    private final Duration grace;
    private final int channels;
    private final Deque<PreparedContainer> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;

    DockerKeptSandbox(PreparedContainer main, DockerClient docker, ContainerFactory factory, ContainerJanitor janitor,
            Duration grace, int channels) {
        this.main = main;
        this.docker = docker;
        this.factory = factory;
        this.janitor = janitor;
        this.grace = grace;
        this.channels = channels;
    }

    @Override
    public SandboxSession channel(RunControl control) {
        PreparedContainer launcher = takeIdle();
        if (launcher == null) {
            try {
                launcher = factory.join(main);
            } catch (RuntimeException e) {
                release(null, true);
                throw DockerErrors.unavailable("exec", e);
            }
        }
        return new Use(launcher, control).session;
    }

    /**
     * One use of a launcher: a cancel of its run stops the launcher only while this use holds it (a
     * run control cancelled after its session was closed must not reach the launcher's next user).
     */
    private final class Use {
        private final PreparedContainer launcher;
        private final DockerSession session;
        private boolean holding = true;

        Use(PreparedContainer launcher, RunControl control) {
            this.launcher = launcher;
            this.session = new DockerSession(launcher, false, control, docker, factory, this::release, grace,
                    launcher::detach);
            control.onCancel(this::cancel);
        }

        private synchronized void cancel() {
            if (holding) {
                launcher.detach();
            }
        }

        private void release(PreparedContainer used, ContainerLimits limits, boolean broken) {
            synchronized (this) {
                holding = false;
            }
            DockerKeptSandbox.this.release(used, broken);
        }
    }

    /** An idle launcher, or null when a new one may be started; refused when all are busy. */
    private synchronized PreparedContainer takeIdle() {
        if (closed || !main.alive()) {
            throw new SandboxUnavailableException("the session's sandbox is gone", null);
        }
        for (PreparedContainer c = idle.poll(); c != null; c = idle.poll()) {
            if (c.alive()) {
                return c;
            }
            c.detach();
            open--;
        }
        if (open >= channels) {
            throw new SandboxBusyException("the session runs " + channels + " things at once already; try again when one ends");
        }
        open++;
        return null;
    }

    private synchronized void release(PreparedContainer launcher, boolean broken) {
        if (launcher != null && !broken && !closed && launcher.alive()) {
            idle.push(launcher);
            return;
        }
        if (launcher != null) {
            launcher.detach();
        }
        open--;
    }

    @Override
    public boolean alive() {
        return !closed && main.alive();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            idle.forEach(PreparedContainer::detach);
            idle.clear();
        }
        main.detach();
        janitor.removeLater(main.id()); // forced: the container is killed with all it runs
    }
}
