package dev.codeexec.execution;

import java.util.List;

/**
 * A client's request to run a program: exactly one of {@code code} (one file, named as the
 * language's entry file) and {@code files} (the first is the entry point). Any other field may be
 * null. {@code cpuTimeMs} and {@code compileCpuTimeMs} add a CPU-time limit to the run and the
 * compilation (null: the wall clock alone limits them).
 */
public record Execution(String language, String code, List<SourceFile> files, String input, List<String> args,
        Integer timeoutMs, Integer memoryMb, Integer compileTimeoutMs, Integer compileMemoryMb, Integer cpuTimeMs,
        Integer compileCpuTimeMs) {

    /** A request without CPU-time limits. */
    public Execution(String language, String code, List<SourceFile> files, String input, List<String> args,
            Integer timeoutMs, Integer memoryMb, Integer compileTimeoutMs, Integer compileMemoryMb) {
        this(language, code, files, input, args, timeoutMs, memoryMb, compileTimeoutMs, compileMemoryMb, null, null);
    }
}
