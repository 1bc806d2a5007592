package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The HTTP tier's own limits (beyond quarkus.http.*) ({@code code-exec.http.*}). */
public interface HttpConfig {
    /** A request body must arrive completely within this time, else 408 and the connection is closed. */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** Other sites' origins (scheme://host[:port]) whose pages may send requests; by default none. */
    Optional<List<String>> allowedOrigins();

    /**
     * The service's own origins (scheme://host[:port]) as browsers reach it, for the playground;
     * by default only loopback (localhost, 127.0.0.1, [::1], any port).
     */
    Optional<List<String>> publicOrigins();
}
