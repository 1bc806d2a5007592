package dev.codeexec.rest.piston;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of Piston's packages: a language at a version, and whether it is installed (here always). */
@Schema(name = "PistonPackage")
public record PistonPackage(@Schema(examples = "python") String language,
        @Schema(examples = "3.11.2") String language_version, boolean installed) {
}
