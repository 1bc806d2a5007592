package dev.codeexec.execution;

import dev.codeexec.sandbox.StepResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Turns what the sandbox saw into the API's statuses, messages and texts. */
final class OutcomeClassifier {

    private OutcomeClassifier() {
    }

    static Outcome classify(String language, String version, Report report, LimitsResolver.Limits limits) {
        StepOutcome compile = report.compile() == null ? null : step(report.compile(), limits.compileTimeout(),
                limits.compile().memoryBytes(), limits.compileOutput(), true);
        if (compile != null && compile.status() != RunStatus.OK) {
            String message = compile.status() == RunStatus.COMPILE_ERROR ? compile.output()
                    : "Compilation: " + compile.message();
            return new Outcome(language, version, compile.status(), message, null, compile, report.warm());
        }
        StepOutcome run = step(report.runs().get(0), limits.timeout(), limits.run().memoryBytes(), limits.output(), false);
        return new Outcome(language, version, run.status(), run.message(), run, compile, report.warm());
    }

    static StepOutcome step(StepResult r, Duration timeout, long memoryBytes, long outputCap, boolean compile) {
        String combined = text(r.output().combined());
        RunStatus status;
        String message;
        if (r.end() == StepResult.End.OUTPUT_LIMIT) {
            status = RunStatus.OUTPUT_LIMIT;
            message = "Output limit of " + size(outputCap) + " exceeded";
        } else if (r.end() == StepResult.End.TIMEOUT) {
            status = RunStatus.TIMEOUT;
            message = "Timeout of " + timeout.toMillis() + " ms exceeded";
        } else if (r.end() == StepResult.End.CPU_LIMIT) {
            status = RunStatus.TIMEOUT;
            message = "CPU time limit exceeded";
        } else if (r.oomKilled()) {
            status = RunStatus.MEMORY_LIMIT;
            message = "Memory limit of " + size(memoryBytes) + " exceeded";
        } else if (r.exitCode() == 0) {
            status = RunStatus.OK;
            message = combined;
        } else {
            status = compile ? RunStatus.COMPILE_ERROR : RunStatus.RUNTIME_ERROR;
            message = combined;
        }
        return new StepOutcome(status, r.exitCode(), Signals.fromExitCode(r.exitCode()), text(r.output().stdout()),
                text(r.output().stderr()), combined, message, r.end() == StepResult.End.OUTPUT_LIMIT,
                r.wallTime().toMillis(), r.cpuTime().toMillis(), r.memoryKb());
    }

    /** Bytes as UTF-8 text; invalid sequences become U+FFFD. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** 1048576 → "1 MiB", 134217728 → "128 MiB", 1536 → "1536 bytes". */
    static String size(long bytes) {
        if (bytes % LimitsResolver.MIB == 0) {
            return bytes / LimitsResolver.MIB + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
