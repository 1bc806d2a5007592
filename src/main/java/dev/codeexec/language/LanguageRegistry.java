package dev.codeexec.language;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LanguageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The languages this service offers, and which of them are provisioned right now. */
@ApplicationScoped
public class LanguageRegistry {

    private final List<Language> languages;
    private final Map<String, Runtime> ready = new ConcurrentSkipListMap<>();

    public LanguageRegistry(CodeExecConfig config) {
        List<Language> bundled = LanguageCatalog.bundled();
        Optional<List<String>> chosen = config.languages().enabled();
        chosen.ifPresent(ids -> ids.stream().filter(id -> bundled.stream().noneMatch(l -> l.id().equals(id)))
                .findFirst().ifPresent(id -> {
                    throw new IllegalStateException("code-exec.languages.enabled names an unknown language: " + id);
                }));
        this.languages = bundled.stream().filter(l -> {
            Optional<Boolean> own = Optional.ofNullable(config.languages().language().get(l.id()))
                    .flatMap(LanguageConfig::enabled);
            if (own.isPresent()) {
                return own.get();
            }
            return chosen.map(ids -> ids.contains(l.id())).orElse(!l.optional());
        }).toList();
    }

    /** Every enabled language, provisioned or not, sorted by id. */
    public List<Language> languages() {
        return languages;
    }

    /** The language named by its id or one of its aliases, case-insensitively. */
    public Optional<Language> find(String name) {
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return languages.stream()
                .filter(l -> l.id().equals(key) || l.aliases().contains(key))
                .findFirst();
    }

    /** The runtime of a language, once its image is ready. */
    public Optional<Runtime> runtime(Language language) {
        return Optional.ofNullable(ready.get(language.id()));
    }

    /** Provisioned runtimes, ordered by language id. */
    public Collection<Runtime> runtimes() {
        return ready.values();
    }

    public void markReady(Runtime runtime) {
        ready.put(runtime.language().id(), runtime);
    }

    /** Ids of every enabled language, for error messages. */
    public String names() {
        return String.join(", ", languages.stream().map(Language::id).toList());
    }
}
