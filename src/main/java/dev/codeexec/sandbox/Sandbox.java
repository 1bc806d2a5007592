package dev.codeexec.sandbox;

/** Runs one program in a fresh, locked-down environment that is thrown away afterwards. */
public interface Sandbox {

    /**
     * Runs the spec to its end, to its deadline or to its output cap, whichever comes first.
     *
     * @param control lets the caller cancel the run (its container is then killed)
     * @throws SandboxUnavailableException when the container engine cannot be used
     * @throws RunCancelledException when the run was cancelled before its container was created
     */
    SandboxResult run(SandboxSpec spec, RunControl control);
}
