package dev.codeexec.sandbox;

/** Hands out fresh, locked-down sandboxes, each thrown away after one request, or kept for a session. */
public interface Sandbox {

    /**
     * A new sandbox for the spec's image and limits.
     *
     * @param control lets the caller cancel (the sandbox is then killed at once)
     * @throws SandboxUnavailableException when the container engine cannot be used
     * @throws RunCancelledException when the run was cancelled before the sandbox existed
     */
    SandboxSession open(SandboxSpec spec, RunControl control);

    /**
     * A sandbox kept for a session (named {@code name} in the engine's labels), never pooled or
     * shared: its own container, with the spec's limits for everything that runs in it. It is the
     * caller's to close by {@code until}; after that any instance of the service may remove it.
     *
     * @throws SandboxUnavailableException when the container engine cannot be used
     */
    KeptSandbox keep(SandboxSpec spec, String name, java.time.Instant until);
}
