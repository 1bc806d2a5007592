package dev.codeexec.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What a sandbox is made of: the language (for labels and logs), its image, its container limits,
 * and optionally a loader to start ahead of the program ({@code preload}: its command and
 * environment; null for none), which the first run step without a CPU limit then uses.
 */
public record SandboxSpec(String language, String image, ContainerLimits limits, Preload preload) {

    public SandboxSpec(String language, String image, ContainerLimits limits) {
        this(language, image, limits, null);
    }

    /** A language's loader: started with the sandbox, it waits for its program. */
    public record Preload(List<String> command, Map<String, String> env) {
    }
}
