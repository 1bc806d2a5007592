package dev.codeexec.sandbox;

/** The container engine as a whole, for health checks. */
public interface Engine {

    /**
     * Pings the engine and returns its version.
     *
     * @throws SandboxUnavailableException when it does not answer
     */
    String version();

    /** Removes every container this instance left behind (e.g. before a crash), and dead instances' orphans; returns how many. */
    int removeLeftovers();
}
