package dev.codeexec.rest.piston;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file of a Piston request. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "PistonFile")
public record PistonFile(
        @Schema(description = "A plain file name; when absent the first file is the language's entry file "
                + "(main.py, main.c, ...) and the others file1.code, file2.code, ...", examples = "main.py") String name,
        @Schema(required = true, examples = "print(input())") String content,
        @Schema(description = "utf8 (default), base64 or hex", examples = "utf8") String encoding) {
}
