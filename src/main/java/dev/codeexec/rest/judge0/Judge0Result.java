package dev.codeexec.rest.judge0;

import dev.codeexec.execution.CaseOutcome;
import dev.codeexec.execution.Outcome;
import dev.codeexec.execution.RunStatus;
import dev.codeexec.execution.StepOutcome;
import dev.codeexec.execution.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A finished submission as Judge0 answers it: every attribute it has, of which the {@code fields}
 * query parameter picks some (by default Judge0's: stdout, time, memory, stderr, token,
 * compile_output, message, status). Empty outputs are null, times are CPU and wall seconds as
 * strings, memory is peak KB; with {@code base64_encoded=true} the texts are Base64.
 */
final class Judge0Result {

    static final List<String> DEFAULT_FIELDS = List.of("stdout", "time", "memory", "stderr", "token", "compile_output",
            "message", "status");

    static final List<String> ALL_FIELDS = List.of("source_code", "language_id", "stdin", "expected_output", "stdout",
            "status_id", "created_at", "finished_at", "time", "wall_time", "memory", "stderr", "token", "exit_code",
            "exit_signal", "message", "compile_output", "status", "language", "cpu_time_limit", "wall_time_limit",
            "memory_limit", "command_line_arguments", "redirect_stderr_to_stdout");

    private Judge0Result() {
    }

    /** The fields asked for: Judge0's default set, {@code *} for all, else a comma-separated list. */
    static List<String> fields(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_FIELDS;
        }
        if (requested.trim().equals("*")) {
            return ALL_FIELDS;
        }
        List<String> asked = Arrays.stream(requested.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
        List<String> unknown = new ArrayList<>(asked);
        unknown.removeAll(ALL_FIELDS);
        if (!unknown.isEmpty()) {
            throw new Judge0Invalid(null, "invalid fields: " + unknown);
        }
        return asked;
    }

    static Map<String, Object> of(Outcome outcome, Judge0Submission submission, int languageId, String languageName,
            boolean base64, Instant createdAt, List<String> fields) {
        StepOutcome compile = outcome.compile();
        StepOutcome run = outcome.run();
        Verdict verdict = null;
        if (outcome.tests() != null && !outcome.tests().isEmpty()) {
            CaseOutcome only = outcome.tests().get(0);
            run = only.run();
            verdict = only.verdict();
        }
        Judge0Status status = run == null ? Judge0Status.COMPILATION_ERROR : Judge0Status.of(run, verdict);
        boolean merged = Boolean.TRUE.equals(submission.redirectStderrToStdout());

        Map<String, Object> all = new LinkedHashMap<>();
        all.put("source_code", submission.sourceCode());
        all.put("language_id", languageId);
        all.put("stdin", submission.stdin());
        all.put("expected_output", submission.expectedOutput());
        all.put("stdout", text(run == null ? null : merged ? run.output() : run.stdout(), base64));
        all.put("status_id", status.id());
        all.put("created_at", createdAt.toString());
        all.put("finished_at", Instant.now().toString());
        all.put("time", run == null ? null : seconds(run.cpuTimeMs()));
        all.put("wall_time", run == null ? null : seconds(run.wallTimeMs()));
        all.put("memory", run == null ? null : run.memoryKb());
        all.put("stderr", text(run == null || merged ? null : run.stderr(), base64));
        all.put("token", UUID.randomUUID().toString());
        boolean signalled = run != null && run.signal() != null;
        all.put("exit_code", run == null || signalled ? null : run.exitCode());
        all.put("exit_signal", signalled ? run.exitCode() - 128 : null);
        all.put("message", text(message(outcome, run, status), base64));
        all.put("compile_output", text(compile == null ? null : compile.output(), base64));
        all.put("status", status.json());
        all.put("language", Map.of("id", languageId, "name", languageName));
        all.put("cpu_time_limit", submission.cpuTimeLimit());
        all.put("wall_time_limit", submission.wallTimeLimit());
        all.put("memory_limit", submission.memoryLimit());
        all.put("command_line_arguments", submission.commandLineArguments());
        all.put("redirect_stderr_to_stdout", submission.redirectStderrToStdout());

        Map<String, Object> picked = new LinkedHashMap<>();
        for (String field : fields) {
            picked.put(field, all.get(field));
        }
        return picked;
    }

    /** Judge0's wording where it has one; null for a program that ran to the end (right or wrong). */
    private static String message(Outcome outcome, StepOutcome run, Judge0Status status) {
        if (run == null) {
            return outcome.compile() != null && outcome.compile().status() == RunStatus.COMPILE_ERROR ? null
                    : outcome.message();
        }
        if (status == Judge0Status.ACCEPTED || status == Judge0Status.WRONG_ANSWER) {
            return null;
        }
        if (run.status() == RunStatus.RUNTIME_ERROR) {
            return run.signal() == null ? "Exited with error status " + run.exitCode()
                    : "Caught fatal signal " + (run.exitCode() - 128);
        }
        return run.message();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    private static String text(String value, boolean base64) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return base64 ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value;
    }
}
