package dev.codeexec.sandbox;

/** The container engine as a whole, for health checks and recovery. */
public interface Engine {

    /**
     * Pings the engine and returns its version.
     *
     * @throws SandboxUnavailableException when it does not answer
     */
    String version();

    /**
     * Creates, starts and removes a container of the image, as a run would.
     *
     * @throws SandboxUnavailableException when any of it fails
     */
    void trial(String image);

    /** Removes every container this instance left behind (e.g. before a crash), and dead instances' orphans; returns how many. */
    int removeLeftovers();
}
