package dev.codeexec.rest;

import dev.codeexec.language.Language;
import dev.codeexec.language.Runtime;
import java.util.List;

/** A language as GET /runtimes lists it: ready once its image is provisioned (version null until then). */
public record RuntimeInfo(String language, String name, String version, List<String> aliases, boolean compiled,
        boolean ready) {

    static RuntimeInfo of(Language language, Runtime runtime) {
        return new RuntimeInfo(language.id(), language.name(), runtime == null ? null : runtime.version(),
                language.aliases(), language.compiled(), runtime != null);
    }
}
