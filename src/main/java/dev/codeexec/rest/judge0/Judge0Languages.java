package dev.codeexec.rest.judge0;

import dev.codeexec.execution.RuntimeNotReadyException;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.Runtime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judge0 CE's language ids for the enabled languages (each descriptor's {@code judge0} list), named
 * as Judge0 names them, with the version this service really runs: {@code "Python (3.11.2)"}.
 */
@ApplicationScoped
public class Judge0Languages {

    private final LanguageRegistry registry;

    public Judge0Languages(LanguageRegistry registry) {
        this.registry = registry;
    }

    /** One entry per ready language, under its first Judge0 id, sorted by name as Judge0 does. */
    List<Map<String, Object>> list() {
        return registry.runtimes().stream()
                .filter(r -> !r.language().judge0().isEmpty())
                .map(r -> entry(r.language().judge0().get(0), r))
                .sorted(Comparator.comparing(e -> (String) e.get("name")))
                .toList();
    }

    /** The enabled language behind an id, if any (it may still be provisioning). */
    Optional<Language> find(int id) {
        return registry.languages().stream().filter(l -> l.judge0().contains(id)).findFirst();
    }

    /** GET /languages/{id}: the language with how it is compiled and run, if ready. */
    Optional<Map<String, Object>> describe(int id) {
        return find(id).map(language -> {
            Runtime runtime = registry.runtime(language).orElseThrow(() -> new RuntimeNotReadyException(language.id()));
            Map<String, Object> entry = entry(id, runtime);
            entry.put("is_archived", false);
            entry.put("source_file", language.entry());
            entry.put("compile_cmd", language.compiled() ? String.join(" ", language.compileCommand(language.entry())) : null);
            entry.put("run_cmd", String.join(" ", language.runCommand(language.entry())));
            return entry;
        });
    }

    /** Judge0's name for a language, with its version once it is ready. */
    String name(Language language) {
        return registry.runtime(language).map(Judge0Languages::name).orElse(language.name());
    }

    /**
     * Judge0's name for a language: {@code "Python (3.11.2)"}; a name that already ends in a
     * parenthesis takes the version inside it, {@code "JavaScript (Node.js 18.20.4)"}.
     */
    static String name(Runtime runtime) {
        String name = runtime.language().name();
        return name.endsWith(")") ? name.substring(0, name.length() - 1) + " " + runtime.version() + ")"
                : name + " (" + runtime.version() + ")";
    }

    private static Map<String, Object> entry(int id, Runtime runtime) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("name", name(runtime));
        return entry;
    }
}
