package dev.codeexec.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /run/{language}. Unknown fields are rejected, never passed on. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "RunRequest", description = "A program to run.")
public record RunRequest(
        @Schema(required = true, description = "Program text (UTF-8), at most 64 KiB by default",
                examples = "print(input()[::-1])") String code,
        @Schema(description = "Fed to the program's stdin, which then reaches EOF; at most 1 MiB by default",
                examples = "hello") String input,
        @Schema(description = "Command-line arguments of the program") List<String> args,
        @Schema(description = "Wall-clock limit in ms; may lower the default (3000), never exceed the cap (10000)",
                examples = "2000") Integer timeoutMs,
        @Schema(description = "Memory limit in MiB; may lower the default (128), never exceed the cap (512)",
                examples = "64") Integer memoryMb) {
}
