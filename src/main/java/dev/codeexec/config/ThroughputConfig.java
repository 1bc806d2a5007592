package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Throughput mode: long-lived containers, every step in fresh namespaces (bubblewrap) ({@code code-exec.throughput.*}). */
public interface ThroughputConfig {
    /** true: requests of the chosen languages run in throughput mode instead of a fresh container each. */
    @WithDefault("false")
    boolean enabled();

    /** Languages served this way (default: all). */
    Optional<List<String>> languages();

    /** Containers per language and limits (each serves one request at a time); beyond: fresh containers. */
    @WithDefault("4")
    int containers();

    /** Requests a container serves before it is replaced. */
    @WithDefault("200")
    int runsPerContainer();
}
