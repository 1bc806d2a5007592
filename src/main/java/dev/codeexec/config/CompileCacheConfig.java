package dev.codeexec.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/** Compiled programs kept for when the same program comes again ({@code code-exec.compile-cache.*}). */
public interface CompileCacheConfig {
    /** false: every request compiles. */
    @WithDefault("true")
    boolean enabled();

    /** Total size of the kept compilations (sources, artefacts, compiler output), in memory. */
    @WithDefault("256M")
    MemorySize maxSize();

    /** A compilation bigger than this is not kept. */
    @WithDefault("32M")
    MemorySize maxEntrySize();
}
