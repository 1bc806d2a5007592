package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Requests per client (by API key when keys are on, else by IP) on POST /run, /api/v2/execute and /submissions ({@code code-exec.rate-limit.*}). */
public interface RateLimitConfig {
    /** false turns rate limiting off. */
    @WithDefault("true")
    boolean enabled();

    /** Runs a client may request per minute (also the burst). */
    @WithDefault("120")
    int requestsPerMinute();

    /** Most clients tracked at once (least recently seen are forgotten first). */
    @WithDefault("100000")
    long maxClients();

    /** Runs one client may have in flight at once, running or queued; default half the run slots, at least 1. */
    Optional<Integer> maxInFlightPerClient();
}
