package dev.codeexec.execution;

import dev.codeexec.sandbox.SandboxLimits;
import dev.codeexec.sandbox.SandboxResult;
import java.nio.charset.StandardCharsets;

/** Turns what the sandbox saw into the API's status, message and texts. */
final class OutcomeClassifier {

    private OutcomeClassifier() {
    }

    static Outcome classify(String language, String version, SandboxResult result, SandboxLimits limits) {
        RunStatus status;
        String message;
        String combined = text(result.output().combined());
        if (result.outputLimited()) {
            status = RunStatus.OUTPUT_LIMIT;
            message = "Output limit of " + size(limits.outputBytes()) + " exceeded";
        } else if (result.timedOut()) {
            status = RunStatus.TIMEOUT;
            message = "Timeout of " + limits.timeout().toMillis() + " ms exceeded";
        } else if (result.oomKilled()) {
            status = RunStatus.MEMORY_LIMIT;
            message = "Memory limit of " + size(limits.memoryBytes()) + " exceeded";
        } else {
            status = result.exitCode() == 0 ? RunStatus.OK : RunStatus.RUNTIME_ERROR;
            message = combined;
        }
        return new Outcome(language, version, status, result.exitCode(), Signals.fromExitCode(result.exitCode()),
                text(result.output().stdout()), text(result.output().stderr()), combined, message,
                result.outputLimited(), result.wallTime().toMillis(), result.warm());
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
