package dev.codeexec.abuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hostile program from src/test/resources/abuse/FAMILY/NAME.EXT, with what it tries and what
 * must happen, declared in its leading comment lines:
 * <pre>
 * # @attack what the program tries
 * # @expect-status TIMEOUT|RUNTIME_ERROR   (any of these)
 * # @stdout-equals text   @stdout-contains text   @stdout-not-contains text   @stderr-contains text
 * # @exit 137   @signal SIGKILL   @truncated true   @timeoutMs 1500   @hang-guard-ms 10000   @repeat 3
 * </pre>
 * {@code @hang-guard-ms} only catches a hang (an answer that never comes): it is at least 3x the slowest
 * answer seen on a loaded machine, never a speed requirement.
 * Texts take Java escapes (\n, \\u0000). A directive prefixed with a mode ({@code @throughput:stdout-equals})
 * replaces the plain one when the suite runs in that mode, where the kernel may refuse with another
 * error number or a harmless detail differs. A directive prefixed with a host trait
 * ({@code @no-ia32:stdout-equals}, see {@link dev.codeexec.support.HostKernel}) replaces both where the
 * host's kernel has that trait: the outcome differs there for the host's sake, not the sandbox's.
 */
record AbuseCase(String name, String language, String code, Map<String, List<String>> directives) {

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*(?:#|//)\\s*@(\\S+)\\s?(.*)$");

    static AbuseCase load(Path root, Path file) throws IOException {
        String code = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, List<String>> directives = new HashMap<>();
        for (String line : code.split("\n")) {
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.matches()) {
                break;
            }
            directives.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(unescape(m.group(2)));
        }
        String name = root.relativize(file).toString();
        return new AbuseCase(name, language(name), code, directives);
    }

    /**
     * This case as run in the given mode on a host with the given kernel traits: its {@code mode:key}
     * directives replace the plain ones, and its {@code trait:key} directives replace both.
     */
    AbuseCase inMode(String mode, java.util.Set<String> hostTraits) {
        Map<String, List<String>> merged = new HashMap<>();
        directives.forEach((key, values) -> {
            if (!key.contains(":")) {
                merged.put(key, values);
            }
        });
        overlay(merged, mode);
        hostTraits.stream().sorted().forEach(trait -> overlay(merged, trait));
        return new AbuseCase(name, language, code, merged);
    }

    private void overlay(Map<String, List<String>> merged, String qualifier) {
        String prefix = qualifier + ":";
        directives.forEach((key, values) -> {
            if (key.startsWith(prefix)) {
                merged.put(key.substring(prefix.length()), values);
            }
        });
    }

    String one(String key) {
        List<String> values = directives.get(key);
        return values == null ? null : values.get(0);
    }

    List<String> all(String key) {
        return directives.getOrDefault(key, List.of());
    }

    private static final Map<String, String> LANGUAGES = Map.of(".py", "python", ".js", "javascript", ".rb", "ruby",
            ".c", "c", ".cpp", "cpp", ".java", "java", ".go", "go", ".rs", "rust");

    private static String language(String name) {
        String ext = name.substring(name.lastIndexOf('.'));
        String language = LANGUAGES.get(ext);
        if (language == null) {
            throw new IllegalArgumentException("no language for " + name);
        }
        return language;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }
}
