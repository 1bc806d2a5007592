package dev.codeexec.execution;

/** A file of a multi-file program as a client sent it: {@code encoding} is null, "utf8" or "base64". */
public record SourceFile(String name, String content, String encoding) {
}
