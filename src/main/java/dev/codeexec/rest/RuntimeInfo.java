package dev.codeexec.rest;

import dev.codeexec.language.Runtime;
import java.util.List;

/** A provisioned language, as GET /runtimes lists it. */
public record RuntimeInfo(String language, String version, List<String> aliases) {

    static RuntimeInfo of(Runtime runtime) {
        return new RuntimeInfo(runtime.language().id(), runtime.version(), runtime.language().aliases());
    }
}
