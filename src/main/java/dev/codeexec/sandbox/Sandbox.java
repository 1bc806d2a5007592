package dev.codeexec.sandbox;

/** Hands out fresh, locked-down sandboxes, each thrown away after one request. */
public interface Sandbox {

    /**
     * A new sandbox for the spec's image and limits.
     *
     * @param control lets the caller cancel (the sandbox is then killed at once)
     * @throws SandboxUnavailableException when the container engine cannot be used
     * @throws RunCancelledException when the run was cancelled before the sandbox existed
     */
    SandboxSession open(SandboxSpec spec, RunControl control);
}
