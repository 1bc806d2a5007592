package dev.codeexec.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.codeexec.execution.Execution;
import dev.codeexec.execution.SourceFile;
import dev.codeexec.execution.TestCase;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /run/{language}. Unknown fields are rejected, never passed on. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "RunRequest", description = "A program to run: code, or files.")
public record RunRequest(
        @Schema(description = "Program text (UTF-8), at most 64 KiB by default; or send files",
                examples = "print(input()[::-1])") String code,
        @Schema(description = "A multi-file program instead of code: the first file is the entry point")
        List<FileDto> files,
        @Schema(description = "Fed to the program's stdin, which then reaches EOF; at most 1 MiB by default",
                examples = "hello") String input,
        @Schema(description = "Command-line arguments of the program") List<String> args,
        @Schema(description = "Wall-clock limit of the run in ms; within the cap (10000)", examples = "2000")
        Integer timeoutMs,
        @Schema(description = "Memory limit of the run in MiB; within the cap (512)", examples = "64") Integer memoryMb,
        @Schema(description = "CPU-time limit of the run in ms (every process together); none by default")
        Integer cpuTimeMs,
        @Schema(description = "Wall-clock limit of the compilation in ms (compiled languages); within the cap (30000)")
        Integer compileTimeoutMs,
        @Schema(description = "Memory limit of the compilation in MiB (compiled languages); within the cap (1024)")
        Integer compileMemoryMb,
        @Schema(description = "Test cases (at most 64): the program is compiled once and run once per case, "
                + "each in a clean state, and judged") List<TestDto> tests,
        @Schema(description = "How outputs are compared: exact, lines (default), tokens, float", examples = "lines")
        String compare,
        @Schema(description = "For compare=float: absolute or relative tolerance (default 1e-6)") Double tolerance,
        @Schema(description = "Skip the remaining cases after the first that is not ACCEPTED") Boolean stopOnFirstFailure,
        @Schema(description = "Files the run writes to bring back: patterns under the working directory ('*' stops "
                + "at '/'), at most 16 files of 4 MiB together by default", examples = "[\"*.png\", \"result.csv\"]")
        List<String> outputs) {

    /** One test case. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @Schema(name = "TestCase")
    public record TestDto(
            @Schema(description = "Shown in the result (default: case N)") String name,
            @Schema(description = "The case's stdin") String input,
            @Schema(description = "The case's arguments (default: the request's args)") List<String> args,
            @Schema(description = "What the program must print on stdout; absent: judged only by how it ended")
            String expectedOutput) {
    }

    /** One file of a multi-file program. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    @Schema(name = "File")
    public record FileDto(
            @Schema(required = true, description = "A plain file name (no '/'), unique", examples = "main.c") String name,
            @Schema(required = true, description = "The file's content") String content,
            @Schema(description = "utf8 (default) or base64", examples = "utf8") String encoding) {
    }

    public Execution toExecution(String language) {
        List<SourceFile> sources = files == null ? null
                : files.stream().map(f -> f == null ? null : new SourceFile(f.name(), f.content(), f.encoding())).toList();
        List<TestCase> cases = tests == null ? null
                : tests.stream().map(t -> t == null ? null : new TestCase(t.name(), t.input(), t.args(), t.expectedOutput()))
                        .toList();
        return new Execution(language, code, sources, input, args, timeoutMs, memoryMb, cpuTimeMs, compileTimeoutMs,
                compileMemoryMb, null, cases, compare, tolerance, stopOnFirstFailure, null, outputs);
    }
}
