package dev.codeexec.sandbox;

import java.util.List;

/**
 * What to run: the language (for labels and logs), the image, where the program's text goes and
 * the command that runs it (both fixed per language, so containers can be started ahead of time),
 * then the run's own program text, arguments and stdin. Stdin reaches EOF after {@code input}.
 */
public record SandboxSpec(String language, String image, String sourceFile, List<String> command, byte[] code,
        List<String> args, byte[] input, SandboxLimits limits) {

    /** True when a container made for {@code other} can serve this spec (same image, command and container limits). */
    public boolean sameContainerAs(SandboxSpec other) {
        return image.equals(other.image) && sourceFile.equals(other.sourceFile) && command.equals(other.command)
                && limits.sameContainerAs(other.limits);
    }
}
