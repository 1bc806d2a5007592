package dev.codeexec.language;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.sandbox.BundledRuntimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The languages bundled with the service: every {@code <id>/language.json} of the {@link BundledRuntimes}
 * (so adding a language is adding a folder under src/main/runtimes).
 */
public final class LanguageCatalog {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private LanguageCatalog() {
    }

    /** The bundled languages, sorted by id; fails on a malformed or inconsistent descriptor. */
    public static List<Language> bundled() {
        List<Language> languages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String file : BundledRuntimes.files()) {
            if (!file.endsWith("/language.json") || file.chars().filter(c -> c == '/').count() != 1) {
                continue;
            }
            String folder = file.substring(0, file.indexOf('/'));
            Language language = parse(file, text(file));
            if (!language.id().equals(folder)) {
                throw new IllegalStateException(file + ": id '" + language.id() + "' must equal its folder");
            }
            for (String name : concat(language.id(), language.aliases())) {
                if (!names.add(name)) {
                    throw new IllegalStateException(file + ": the name '" + name + "' is taken by another language");
                }
            }
            languages.add(language);
        }
        return List.copyOf(languages);
    }

    static Language parse(String file, String json) {
        try {
            Language l = JSON.readValue(json, Language.class);
            if (l.id() == null || !l.id().matches("[a-z][a-z0-9+#-]*") || l.entry() == null || l.run() == null
                    || l.run().isEmpty() || l.version() == null || l.version().isEmpty()) {
                throw new IllegalStateException(file + ": id, entry, run and version are required");
            }
            return l;
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> concat(String id, List<String> aliases) {
        List<String> all = new ArrayList<>(aliases);
        all.add(0, id);
        return all;
    }

    /** A file of the bundled runtimes as UTF-8 text, or null. */
    static String text(String file) {
        byte[] bytes = BundledRuntimes.bytes(file);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
