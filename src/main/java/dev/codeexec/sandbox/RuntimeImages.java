package dev.codeexec.sandbox;

import java.util.List;
import java.util.Optional;

/** Makes sure the image a language runs in exists on the engine. */
public interface RuntimeImages {

    /**
     * Returns a usable image reference for the language: the configured image if given (present,
     * else pulled), otherwise the project's own image, built from the bundled Dockerfile if absent
     * (never pulled: its name could be squatted on a public registry). With extra packages, an image
     * built FROM that one with those Debian packages added (present, pulled or built the same way);
     * a build that fails (e.g. an unknown package) tags nothing.
     *
     * @throws SandboxUnavailableException when no image can be had
     */
    String ensure(String languageId, Optional<String> configuredImage, List<String> extraPackages);
}
