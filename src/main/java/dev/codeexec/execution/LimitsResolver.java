package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LimitsConfig;
import dev.codeexec.config.LanguageConfig;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageLimits;
import dev.codeexec.sandbox.ContainerLimits;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a run's limits. Each value is the request's if it sent one (within the configured cap),
 * else the operator's per-language setting, else the language descriptor's default, else the
 * service default.
 */
@ApplicationScoped
public class LimitsResolver {

    static final long MIB = 1024 * 1024;
    /** Below this the interpreters cannot even start. */
    public static final int MIN_MEMORY_MB = 16;
    /** {@link #MIN_MEMORY_MB} in bytes. */
    public static final long MIN_MEMORY = MIN_MEMORY_MB * MIB;

    private final CodeExecConfig config;

    public LimitsResolver(CodeExecConfig config) {
        this.config = config;
    }

    /** The limits of the program's run and of its compilation; CPU times are null when only the wall clock counts. */
    public record Limits(ContainerLimits run, Duration timeout, Duration cpuTime, long output, ContainerLimits compile,
            Duration compileTimeout, Duration compileCpuTime, long compileOutput) {
    }

    /** The language's defaults. */
    public Limits defaults(Language language) {
        return resolve(language, Execution.of(language.id(), "", null, null));
    }

    public Limits resolve(Language language, Execution request) {
        Integer timeoutMs = request.timeoutMs();
        Integer memoryMb = request.memoryMb();
        Integer compileTimeoutMs = request.compileTimeoutMs();
        Integer compileMemoryMb = request.compileMemoryMb();
        LimitsConfig limits = config.limits();
        Optional<LanguageConfig> operator = Optional.ofNullable(config.languages().language().get(language.id()));
        LanguageLimits own = language.limits();

        Duration timeout = pick(operator.flatMap(LanguageConfig::timeout), own.timeout(),
                DurationConverter::parseDuration, limits.timeout());
        long memory = pick(operator.flatMap(LanguageConfig::memory).map(m -> m.asLongValue()),
                own.memory(), LimitsResolver::bytes, limits.memory().asLongValue());
        double cpus = operator.flatMap(LanguageConfig::cpus)
                .orElse(own.cpus() != null ? own.cpus() : limits.cpus());
        int pids = operator.flatMap(LanguageConfig::pids)
                .orElse(own.pids() != null ? own.pids() : limits.pids());
        long scratch = own.scratch() != null ? bytes(own.scratch()) : limits.scratch().asLongValue();
        Duration compileTimeout = pick(operator.flatMap(LanguageConfig::compileTimeout),
                own.compileTimeout(), DurationConverter::parseDuration, limits.compileTimeout());
        long compileMemory = pick(operator.flatMap(LanguageConfig::compileMemory).map(m -> m.asLongValue()),
                own.compileMemory(), LimitsResolver::bytes, limits.compileMemory().asLongValue());
        int compilePids = own.compilePids() != null ? own.compilePids() : Math.max(pids, limits.compilePids());

        if (timeoutMs != null) {
            timeout = Duration.ofMillis(within("timeoutMs", timeoutMs, 1, limits.maxTimeout().toMillis()));
        }
        if (memoryMb != null) {
            memory = within("memoryMb", memoryMb, MIN_MEMORY_MB, limits.maxMemory().asLongValue() / MIB) * MIB;
        }
        if (compileTimeoutMs != null) {
            compileTimeout = Duration.ofMillis(
                    within("compileTimeoutMs", compileTimeoutMs, 1, limits.maxCompileTimeout().toMillis()));
        }
        if (compileMemoryMb != null) {
            compileMemory = within("compileMemoryMb", compileMemoryMb, MIN_MEMORY_MB,
                    limits.maxCompileMemory().asLongValue() / MIB) * MIB;
        }
        Duration cpuTime = request.cpuTimeMs() == null ? null
                : Duration.ofMillis(within("cpuTimeMs", request.cpuTimeMs(), 1, limits.maxTimeout().toMillis()));
        Duration compileCpuTime = request.compileCpuTimeMs() == null ? null : Duration.ofMillis(
                within("compileCpuTimeMs", request.compileCpuTimeMs(), 1, limits.maxCompileTimeout().toMillis()));
        ContainerLimits run = new ContainerLimits(memory, cpus, pids, scratch, limits.scratchFiles(),
                limits.shm().asLongValue(), limits.openFiles());
        return new Limits(run, timeout, cpuTime, limits.output().asLongValue(), run.with(compileMemory, compilePids),
                compileTimeout, compileCpuTime, limits.compileOutput().asLongValue());
    }

    private static <T> T pick(Optional<T> operator, String descriptor, Function<String, T> parse, T fallback) {
        if (operator.isPresent()) {
            return operator.get();
        }
        return descriptor != null ? parse.apply(descriptor) : fallback;
    }

    private static long bytes(String size) {
        return new MemorySizeConverter().convert(size).asLongValue();
    }

    private static long within(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidExecutionException(field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
