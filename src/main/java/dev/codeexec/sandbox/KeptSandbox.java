package dev.codeexec.sandbox;

/**
 * A sandbox kept for a session: one locked-down container that outlives its steps, its working
 * directory kept between them. Each {@link #channel} is a launcher of its own in that container, so
 * a session can run a long step (a REPL, a command in the background) while others run beside it;
 * a channel's steps are of kind {@link Step.Kind#SESSION}. Closing the sandbox ends everything in it.
 */
public interface KeptSandbox extends AutoCloseable {

    /**
     * A launcher for one use, free for the next when closed. Cancelling {@code control} ends that
     * launcher's step (and the launcher), never the sandbox.
     *
     * @throws SandboxUnavailableException when the sandbox is gone
     * @throws SandboxBusyException when it runs as many launchers as it may
     */
    SandboxSession channel(RunControl control);

    /** False once the container is gone (killed, out of memory, removed). */
    boolean alive();

    @Override
    void close();
}
