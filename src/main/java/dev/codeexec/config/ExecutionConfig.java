package dev.codeexec.config;

import io.smallrye.config.WithDefault;

/** Concurrency guard around runs (read by the fault-tolerance settings in application.properties) ({@code code-exec.execution.*}). */
public interface ExecutionConfig {
    /** Runs at once; default the engine's CPUs / limits.cpus, at least 1 (EngineCpusConfigSourceFactory). */
    int maxConcurrent();

    /** Runs that may wait for a free slot; more are refused with 503. */
    @WithDefault("32")
    int queue();

    /** How long the circuit breaker stays open after engine failures, in ms (also the Retry-After). */
    @WithDefault("5000")
    long circuitDelayMs();

    /**
     * Outer guard on one request in ms, queue wait included; must exceed max-compile-timeout +
     * max-total-run-time + 15 s (checked at startup).
     */
    @WithDefault("120000")
    long guardTimeoutMs();
}
