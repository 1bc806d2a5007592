package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sessions: sandboxes kept for a client between requests ({@code code-exec.sessions.*}). */
public interface SessionsConfig {
    /** A session unused this long is removed, unless its client asked for another idle timeout. */
    @WithDefault("5m")
    Duration idleTimeout();

    /** The longest idle timeout a client may ask for. */
    @WithDefault("30m")
    Duration maxIdleTimeout();

    /** A session is removed this long after it was made, however busy. */
    @WithDefault("1h")
    Duration maxLifetime();

    /** Time limit of a command, program or cell when the request names none. */
    @WithDefault("30s")
    Duration timeout();

    /** The highest time limit a session's request may ask for (a command or cell, not the session). */
    @WithDefault("5m")
    Duration maxTimeout();

    /** Memory limit of a whole session (everything running in it) when the request names none. */
    @WithDefault("512M")
    io.quarkus.runtime.configuration.MemorySize memory();

    /** Sessions one client (API key, else address) may hold at once. */
    @WithDefault("5")
    int perClient();

    /** Sessions this replica holds at once, all clients together (each holds its memory limit). */
    @WithDefault("20")
    int max();

    /** Launchers a session runs side by side (commands, REPL contexts, file operations). */
    @WithDefault("4")
    int channels();

    /**
     * The largest file a client may write into a session, or read from it (a write is also
     * bound by quarkus.http.limits.max-body-size, 8M).
     */
    @WithDefault("8M")
    io.quarkus.runtime.configuration.MemorySize maxFileBytes();

    /**
     * This replica's name, the first part of every session id it makes; a request for another
     * replica's session is answered 421. By default the host name (a Kubernetes pod's name).
     */
    Optional<String> replica();

    /** The replica name in effect: the configured one, else the host name. */
    default String replicaName() {
        return replica().filter(r -> !r.isBlank()).orElseGet(SessionsConfig::hostname);
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "code-exec";
        }
    }
}
