package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Warm containers, started ahead of time, each used for one run ({@code code-exec.pool.*}). */
public interface PoolConfig {
    /** false: every run creates its container on the request path. */
    @WithDefault("true")
    boolean enabled();

    /** Containers kept ready for a language in use (0 disables the pool for all languages). */
    @WithDefault("2")
    int size();

    /** Most containers per language when demand grows (a run found the pool empty). */
    @WithDefault("4")
    int maxSize();

    /** Most idle containers of all languages together. */
    @WithDefault("8")
    int maxTotal();

    /** Containers being started at once. */
    @WithDefault("2")
    int refillParallelism();

    /** After this long without a run finding the pool empty, the target shrinks by one. */
    @WithDefault("60s")
    Duration shrinkAfter();

    /** A language not used for this long keeps no containers (unless its pool-size is set). */
    @WithDefault("10m")
    Duration idleAfter();

    /** A pooled container waiting longer than this is replaced (so live instances' containers stay young). */
    @WithDefault("10m")
    Duration maxIdle();
}
