package dev.codeexec.sandbox;

import java.util.List;

/**
 * What to run: the language (for labels and logs), an image, the container command, and the bytes fed to its stdin (for the launcher:
 * a size line, the program, then the program's input). Stdin is closed after the last byte.
 */
public record SandboxSpec(String language, String image, List<String> command, byte[] stdin, SandboxLimits limits) {
}
