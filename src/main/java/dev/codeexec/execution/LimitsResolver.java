package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.sandbox.SandboxLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Resolves a run's limits: the request's value if it sent one (never above the configured cap),
 * else the language's override, else the default.
 */
@ApplicationScoped
public class LimitsResolver {

    static final long MIB = 1024 * 1024;
    /** Below this the interpreters cannot even start. */
    static final int MIN_MEMORY_MB = 16;

    private final CodeExecConfig config;

    public LimitsResolver(CodeExecConfig config) {
        this.config = config;
    }

    public SandboxLimits resolve(String languageId, Integer timeoutMs, Integer memoryMb) {
        CodeExecConfig.LimitsConfig limits = config.limits();
        CodeExecConfig.LanguageConfig language = config.languages().get(languageId);
        Duration timeout = language != null && language.timeout().isPresent() ? language.timeout().get() : limits.timeout();
        long memory = language != null && language.memory().isPresent()
                ? language.memory().get().asLongValue() : limits.memory().asLongValue();
        double cpus = language != null && language.cpus().isPresent() ? language.cpus().get() : limits.cpus();
        int pids = language != null && language.pids().isPresent() ? language.pids().get() : limits.pids();

        if (timeoutMs != null) {
            long max = limits.maxTimeout().toMillis();
            if (timeoutMs < 1 || timeoutMs > max) {
                throw new InvalidExecutionException("timeoutMs must be between 1 and " + max);
            }
            timeout = Duration.ofMillis(timeoutMs);
        }
        if (memoryMb != null) {
            long max = limits.maxMemory().asLongValue() / MIB;
            if (memoryMb < MIN_MEMORY_MB || memoryMb > max) {
                throw new InvalidExecutionException("memoryMb must be between " + MIN_MEMORY_MB + " and " + max);
            }
            memory = memoryMb * MIB;
        }
        return new SandboxLimits(timeout, memory, cpus, pids, limits.output().asLongValue(),
                limits.scratch().asLongValue(), limits.scratchFiles(), limits.shm().asLongValue(), limits.openFiles());
    }
}
