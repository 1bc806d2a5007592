package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Graceful shutdown ({@code code-exec.shutdown.*}). */
public interface ShutdownConfig {
    /** On SIGTERM, how long in-flight runs may take to finish before their containers are killed. */
    @WithDefault("30s")
    Duration gracePeriod();
}
