package dev.codeexec.sandbox;

/** What a sandbox is made of: the language (for labels and logs), its image and its container limits. */
public record SessionSpec(String language, String image, ContainerLimits limits) {
}
