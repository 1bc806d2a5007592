package dev.codeexec.rest.piston;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.codeexec.execution.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Piston's answer to a job that ran: 200 whatever the program did. When the compilation failed,
 * {@code run} repeats {@code compile} (Piston does so for clients that read only {@code run}).
 */
@Schema(name = "PistonExecuteResponse")
public record PistonExecuteResponse(
        @Schema(description = "The language's id, never an alias", examples = "python") String language,
        @Schema(examples = "3.11.2") String version,
        PistonStage run,
        @Schema(description = "Compiled languages only") @JsonInclude(JsonInclude.Include.NON_NULL) PistonStage compile) {

    static PistonExecuteResponse of(Outcome o) {
        PistonStage compile = o.compile() == null ? null : PistonStage.of(o.compile());
        PistonStage run = o.run() != null ? PistonStage.of(o.run()) : compile;
        return new PistonExecuteResponse(o.language(), PistonVersion.normalise(o.version()).toString(), run, compile);
    }
}
