package dev.codeexec.sandbox;

/** A file of a run, written under the sandbox's working directory before its first step. */
public record SandboxFile(String path, byte[] content, boolean executable) {
}
