package dev.codeexec.language;

import java.util.List;
import java.util.Map;

/**
 * A language as its descriptor ({@code src/main/runtimes/<id>/language.json}) defines it: the
 * names clients may use, the file a single program is written to, how it is compiled (none for
 * interpreted languages) and run, how to ask its version, extra environment, and its own default
 * limits; optionally a loader ({@code preload}) that warm sandboxes start ahead of the program and
 * that runs it as the run command would. In commands, {@code {entry}} stands for the entry file's
 * name and {@code {stem}} for it without its extension. An {@code optional} language is offered only
 * when the operator enables it (its image needs what not every site has). {@code judge0}: Judge0 CE's
 * ids for the language (the first is the one GET /languages lists; the others are accepted too).
 */
public record Language(String id, String name, List<String> aliases, String entry, List<String> compile,
        List<String> run, List<String> version, Map<String, String> env, LanguageLimits limits, List<String> preload,
        boolean optional, List<Integer> judge0) {

    public Language {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        compile = compile == null ? List.of() : List.copyOf(compile);
        preload = preload == null ? List.of() : List.copyOf(preload);
        env = env == null ? Map.of() : Map.copyOf(env);
        limits = limits == null ? LanguageLimits.NONE : limits;
        judge0 = judge0 == null ? List.of() : List.copyOf(judge0);
    }

    public boolean compiled() {
        return !compile.isEmpty();
    }

    /** The compile command for an entry file, placeholders filled in. */
    public List<String> compileCommand(String entryFile) {
        return fill(compile, entryFile);
    }

    /** The run command for an entry file, placeholders filled in (program arguments come after it). */
    public List<String> runCommand(String entryFile) {
        return fill(run, entryFile);
    }

    private static List<String> fill(List<String> command, String entryFile) {
        int dot = entryFile.lastIndexOf('.');
        String stem = dot > 0 ? entryFile.substring(0, dot) : entryFile;
        return command.stream().map(a -> a.replace("{entry}", entryFile).replace("{stem}", stem)).toList();
    }
}
