package dev.codeexec.execution;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Graceful shutdown, first half: from the moment the JVM is asked to stop (SIGTERM), new runs are
 * refused with 503 so the orchestrator's traffic moves to other replicas. The HTTP layer keeps
 * serving the runs already admitted for up to quarkus.shutdown.timeout (= code-exec.shutdown.grace-period);
 * after that the container janitor kills and removes whatever still runs.
 */
@ApplicationScoped
public class ShutdownGate {

    private volatile boolean closed;

    void onStart(@Observes StartupEvent event) {
        // A shutdown hook runs as soon as SIGTERM arrives, alongside (not after) Quarkus' own.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closed = true, "shutdown-gate"));
    }

    /** Throws when the service is shutting down. */
    void admit() {
        if (closed) {
            throw new ShuttingDownException();
        }
    }

    /** The service is shutting down: 503, try another replica. */
    public static class ShuttingDownException extends RuntimeException {
        public ShuttingDownException() {
            super("The service is shutting down; try again");
        }
    }
}
