package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start when the outer guard could cut off a request that stays within every limit: it
 * must cover the longest compilation, the longest sum of run steps and a margin for the sandbox's
 * own work (creating, attaching, updating, the launcher's grace). And the HTTP idle timeout must
 * outlast the guard: a request waits in the queue, then runs, without a byte on its connection, and
 * a connection closed before the guard would leave its client with no answer at all.
 */
@ApplicationScoped
public class GuardCheck {

    static final Duration MARGIN = Duration.ofSeconds(15);

    void onStart(@Observes StartupEvent event, CodeExecConfig config,
            @ConfigProperty(name = "quarkus.http.idle-timeout") Duration idleTimeout) {
        check(config);
        checkIdleTimeout(config.execution().guardTimeoutMs(), idleTimeout);
    }

    static void checkIdleTimeout(long guardTimeoutMs, Duration idleTimeout) {
        if (idleTimeout.toMillis() <= guardTimeoutMs) {
            throw new IllegalStateException("quarkus.http.idle-timeout (" + idleTimeout + ") must exceed "
                    + "code-exec.execution.guard-timeout-ms (" + guardTimeoutMs + "), or a queued request's connection "
                    + "is closed before it is answered");
        }
    }

    static void check(CodeExecConfig config) {
        Duration needed = config.limits().maxCompileTimeout().plus(config.limits().maxTotalRunTime()).plus(MARGIN);
        if (config.limits().maxTimeout().compareTo(config.limits().maxTotalRunTime()) > 0) {
            throw new IllegalStateException("code-exec.limits.max-timeout (" + config.limits().maxTimeout()
                    + ") must not exceed code-exec.limits.max-total-run-time (" + config.limits().maxTotalRunTime() + ")");
        }
        if (config.execution().guardTimeoutMs() < needed.toMillis()) {
            throw new IllegalStateException("code-exec.execution.guard-timeout-ms (" + config.execution().guardTimeoutMs()
                    + ") must be at least max-compile-timeout + max-total-run-time + " + MARGIN.toSeconds() + " s = "
                    + needed.toMillis() + " ms, or the guard could cut off runs that keep to their limits");
        }
    }
}
