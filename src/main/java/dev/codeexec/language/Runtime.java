package dev.codeexec.language;

/** A language whose image is provisioned: ready to run programs. */
public record Runtime(Language language, String image, String version) {
}
