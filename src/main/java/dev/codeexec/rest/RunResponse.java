package dev.codeexec.rest;

import dev.codeexec.execution.Outcome;
import dev.codeexec.execution.RunStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a run did: 200 whatever the program did. */
@Schema(name = "RunResponse")
public record RunResponse(
        @Schema(examples = "python") String language,
        @Schema(description = "The interpreter's real version", examples = "3.11.2") String version,
        RunStatus status,
        @Schema(description = "Exit code; 128 + n when signal n ended the program", examples = "0") int exitCode,
        @Schema(description = "Signal name when the exit code stands for one, else null") String signal,
        @Schema(examples = "olleh\n") String stdout,
        String stderr,
        @Schema(description = "stdout and stderr interleaved in the order they were written") String output,
        @Schema(description = "The output when the program ran to its end; else why it was stopped",
                examples = "olleh\n") String message,
        @Schema(description = "True when output hit the cap and was cut") boolean truncated,
        @Schema(description = "Wall-clock time of the program in ms", examples = "25") long wallTimeMs) {

    static RunResponse of(Outcome o) {
        return new RunResponse(o.language(), o.version(), o.status(), o.exitCode(), o.signal(), o.stdout(),
                o.stderr(), o.output(), o.message(), o.truncated(), o.wallTimeMs());
    }
}
