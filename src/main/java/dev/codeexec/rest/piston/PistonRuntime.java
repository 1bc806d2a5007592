package dev.codeexec.rest.piston;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A runtime as Piston's GET /api/v2/runtimes lists it. */
@Schema(name = "PistonRuntime")
public record PistonRuntime(
        @Schema(examples = "python") String language,
        @Schema(description = "The runtime's version as X.Y.Z", examples = "3.11.2") String version,
        @Schema(description = "Other names the language is known by") List<String> aliases,
        @Schema(description = "Only when several runtimes provide a language (never here)")
        @JsonInclude(JsonInclude.Include.NON_NULL) String runtime) {
}
