package dev.codeexec.execution;

import dev.codeexec.config.LimitsConfig;
import dev.codeexec.sandbox.SandboxFile;
import java.util.List;

/** A request's files[] as sandbox files, by the rule of a run's files (names, encodings, caps). */
public final class SourceFiles {

    private SourceFiles() {
    }

    public static List<SandboxFile> decode(List<SourceFile> files, LimitsConfig caps) {
        Execution request = new Execution("", null, files, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        return Program.of(request, null, caps).files();
    }
}
