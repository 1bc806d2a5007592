package dev.codeexec.sandbox;

/** Runs one program in a fresh, locked-down environment that is thrown away afterwards. */
public interface Sandbox {

    /**
     * Runs the spec to its end, to its deadline or to its output cap, whichever comes first.
     *
     * @throws SandboxUnavailableException when the container engine cannot be used
     */
    SandboxResult run(SandboxSpec spec);
}
