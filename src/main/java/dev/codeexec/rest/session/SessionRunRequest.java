package dev.codeexec.rest.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /sessions/{id}/run: exactly one of code and command. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "SessionRunRequest")
public record SessionRunRequest(
        @Schema(description = "Python, JavaScript, Ruby: a cell of the context's REPL; other languages: a program "
                + "(the entry file), compiled if need be, then run", examples = "x = 41\nx + 1") String code,
        @Schema(description = "A shell command line (bash -c) in the working directory", examples = "ls -l") String command,
        @Schema(description = "stdin of a command or program (a cell has none)") String input,
        @Schema(description = "Time limit in ms (default: the session's)") Integer timeoutMs,
        @Schema(description = "The REPL context of a cell (default \"default\"); each has its own names") String context) {
}
