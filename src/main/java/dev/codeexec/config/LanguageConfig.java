package dev.codeexec.config;

import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of one language ({@code code-exec.languages.<id>.*}); unset ones fall back to {@link LimitsConfig}. */
public interface LanguageConfig {
    /** Image to run this language in; default: the project's image built from the bundled Dockerfile. */
    Optional<String> image();

    /**
     * Extra Debian packages for this language, installed on top of its own libraries in an image built
     * FROM its image; an unknown one leaves the language out (not ready), its name in the reason.
     */
    Optional<List<String>> packages();

    /** false leaves the language out; true takes in an optional one (default: the descriptor decides). */
    Optional<Boolean> enabled();

    /** Overrides code-exec.limits.timeout for this language. */
    Optional<Duration> timeout();

    /** Overrides code-exec.limits.memory for this language. */
    Optional<MemorySize> memory();

    /** Overrides code-exec.limits.cpus for this language. */
    Optional<Double> cpus();

    /** Overrides code-exec.limits.pids for this language. */
    Optional<Integer> pids();

    /** Overrides the compile step's wall-clock limit for this language. */
    Optional<Duration> compileTimeout();

    /** Overrides the compile step's memory limit for this language. */
    Optional<MemorySize> compileMemory();

    /** Overrides code-exec.pool.size for this language (0 disables its pool). */
    Optional<Integer> poolSize();
}
