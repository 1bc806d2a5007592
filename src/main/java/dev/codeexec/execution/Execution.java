package dev.codeexec.execution;

import java.util.List;

/**
 * A client's request to run a program: exactly one of {@code code} (one file, named as the
 * language's entry file) and {@code files} (the first is the entry point); then either one run
 * (with {@code input}) or one run per test case, judged by {@code compare}. {@code cpuTimeMs} and
 * {@code compileCpuTimeMs} add CPU-time limits to the wall-clock ones. {@code judgeCombinedOutput}
 * judges the interleaved stdout and stderr instead of stdout alone (Judge0's
 * redirect_stderr_to_stdout). {@code outputs}: patterns of files the run writes to bring back. Any
 * other field may be null.
 */
public record Execution(String language, String code, List<SourceFile> files, String input, List<String> args,
        Integer timeoutMs, Integer memoryMb, Integer cpuTimeMs, Integer compileTimeoutMs, Integer compileMemoryMb,
        Integer compileCpuTimeMs, List<TestCase> tests, String compare, Double tolerance, Boolean stopOnFirstFailure,
        Boolean judgeCombinedOutput, List<String> outputs) {

    /** A single run of code with input and arguments, default limits. */
    public static Execution of(String language, String code, String input, List<String> args) {
        return new Execution(language, code, null, input, args, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
