package dev.codeexec.rest;

import dev.codeexec.language.Language;
import dev.codeexec.language.Runtime;
import java.util.List;

/**
 * A language as GET /runtimes lists it: ready once its image is provisioned (version null until
 * then), with the libraries its image holds (Debian packages and their versions; none until ready).
 */
public record RuntimeInfo(String language, String name, String version, List<String> aliases, boolean compiled,
        boolean ready, List<Runtime.Library> libraries) {

    static RuntimeInfo of(Language language, Runtime runtime) {
        return new RuntimeInfo(language.id(), language.name(), runtime == null ? null : runtime.version(),
                language.aliases(), language.compiled(), runtime != null,
                runtime == null ? List.of() : runtime.libraries());
    }
}
