package dev.codeexec.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.codeexec.execution.CaseOutcome;
import dev.codeexec.execution.Outcome;
import dev.codeexec.execution.RunStatus;
import dev.codeexec.execution.StepOutcome;
import dev.codeexec.execution.Summary;
import dev.codeexec.execution.Verdict;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a run did: 200 whatever the program did. */
@Schema(name = "RunResponse")
public record RunResponse(
        @Schema(examples = "python") String language,
        @Schema(description = "The language's real version", examples = "3.11.2") String version,
        @Schema(description = "OK, RUNTIME_ERROR, COMPILE_ERROR, TIMEOUT, MEMORY_LIMIT, OUTPUT_LIMIT; with tests, "
                + "the overall verdict (ACCEPTED, WRONG_ANSWER, ...)", examples = "OK") String status,
        @Schema(description = "Exit code; 128 + n when signal n ended the program; null when it did not run",
                examples = "0") Integer exitCode,
        @Schema(description = "Name of the signal that ended the program (from its wait status, so exit(139) has none), else null") String signal,
        @Schema(examples = "olleh\n") String stdout,
        String stderr,
        @Schema(description = "stdout and stderr interleaved in the order they were written") String output,
        @Schema(description = "The output when the program ran to its end; the compiler's output on "
                + "COMPILE_ERROR; else why it was stopped", examples = "olleh\n") String message,
        @Schema(description = "True when output hit the cap and was cut") boolean truncated,
        @Schema(description = "Wall-clock time of the program in ms", examples = "25") long wallTimeMs,
        @Schema(description = "CPU time of every process of the program in ms (kernel accounting)") long cpuTimeMs,
        @Schema(description = "Peak resident memory of the program's largest process in KiB") long memoryKb,
        @Schema(description = "The compilation, for compiled languages")
        @JsonInclude(JsonInclude.Include.NON_NULL) Compile compile,
        @Schema(description = "Each test case, when the request sent tests")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Case> tests,
        @Schema(description = "The test cases counted up, when the request sent tests")
        @JsonInclude(JsonInclude.Include.NON_NULL) Summary summary,
        @Schema(description = "The files the request's outputs named, when it named some and the program ran")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<OutputFile> outputs,
        @Schema(description = "With outputs: true when a matching file was left out (past the caps, or unreadable)")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean outputsTruncated) {

    /** One file the run wrote, as the request's outputs asked. */
    @Schema(name = "OutputFile")
    public record OutputFile(@Schema(examples = "plot.png") String name, long size,
            @Schema(examples = "image/png") String mediaType, String contentBase64) {

        static OutputFile of(dev.codeexec.sandbox.SandboxFile f) {
            return new OutputFile(f.path(), f.content().length, MediaTypes.of(f.path()),
                    java.util.Base64.getEncoder().encodeToString(f.content()));
        }
    }

    /** A response without output files (compile failures, test cases, a session's cell). */
    public RunResponse(String language, String version, String status, Integer exitCode, String signal, String stdout,
            String stderr, String output, String message, boolean truncated, long wallTimeMs, long cpuTimeMs,
            long memoryKb, Compile compile, List<Case> tests, Summary summary) {
        this(language, version, status, exitCode, signal, stdout, stderr, output, message, truncated, wallTimeMs,
                cpuTimeMs, memoryKb, compile, tests, summary, null, null);
    }

    /** The compile step of a compiled language. */
    @Schema(name = "Compile")
    public record Compile(RunStatus status, int exitCode, String signal, String stdout, String stderr, String output,
            boolean truncated, long wallTimeMs, long cpuTimeMs, long memoryKb,
            @Schema(description = "True when the same program was compiled before and its artefacts were reused "
                    + "(the compiler did not run; its output is the earlier compilation's)") boolean cached) {

        static Compile of(StepOutcome s) {
            return s == null ? null : new Compile(s.status(), s.exitCode(), s.signal(), s.stdout(), s.stderr(),
                    s.output(), s.truncated(), s.wallTimeMs(), s.cpuTimeMs(), s.memoryKb(), s.cached());
        }
    }

    /** One test case: its verdict and how its run went (run fields null when it was skipped). */
    @Schema(name = "CaseResult")
    public record Case(String name, Verdict verdict, RunStatus status, Integer exitCode, String signal, String stdout,
            String stderr, boolean truncated, Long wallTimeMs, Long cpuTimeMs, Long memoryKb) {

        static Case of(CaseOutcome c) {
            StepOutcome r = c.run();
            if (r == null) {
                return new Case(c.name(), c.verdict(), null, null, null, null, null, false, null, null, null);
            }
            return new Case(c.name(), c.verdict(), r.status(), r.exitCode(), r.signal(), r.stdout(), r.stderr(),
                    r.truncated(), r.wallTimeMs(), r.cpuTimeMs(), r.memoryKb());
        }
    }

    public static RunResponse of(Outcome o) {
        StepOutcome r = o.run();
        List<Case> cases = o.tests() == null ? null : o.tests().stream().map(Case::of).toList();
        if (r == null) {
            return new RunResponse(o.language(), o.version(), o.status(), null, null, "", "", "", o.message(), false,
                    0, 0, 0, Compile.of(o.compile()), cases, o.summary());
        }
        return new RunResponse(o.language(), o.version(), o.status(), r.exitCode(), r.signal(), r.stdout(), r.stderr(),
                r.output(), o.message(), r.truncated(), r.wallTimeMs(), r.cpuTimeMs(), r.memoryKb(),
                Compile.of(o.compile()), cases, o.summary(),
                o.outputs() == null ? null : o.outputs().files().stream().map(OutputFile::of).toList(),
                o.outputs() == null ? null : o.outputs().cut());
    }
}
