package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Refuses to start when the outer guard could cut off a request that stays within every limit: it
 * must cover the longest compilation, the longest sum of run steps and a margin for the sandbox's
 * own work (creating, attaching, updating, the launcher's grace).
 */
@ApplicationScoped
public class GuardCheck {

    static final Duration MARGIN = Duration.ofSeconds(15);

    void onStart(@Observes StartupEvent event, CodeExecConfig config) {
        check(config);
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
