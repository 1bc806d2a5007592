package dev.codeexec.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which languages are offered, and per-language settings ({@code code-exec.languages.*}). */
public interface LanguagesConfig {
    /** Language ids to offer (default: every bundled language). */
    Optional<List<String>> enabled();

    /** Per-language settings, keyed by language id ({@code code-exec.languages.<id>.*}). */
    @io.smallrye.config.WithParentName
    Map<String, LanguageConfig> language();
}
