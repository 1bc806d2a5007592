package dev.codeexec.docs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The languages table (docs/languages.md) and Judge0's ids table (docs/judge0.md) against the
 * runtimes under src/main/runtimes: one row per language folder, and per row the aliases, entry
 * file, whether it compiles, the program its compile and run commands start, its own default limits,
 * whether it is optional, and (for a language that pins its jars) the version. Descriptors are read
 * into the service's own {@link Language}. No Quarkus, no Docker.
 */
class LanguagesTableTest {

    static final Path RUNTIMES = Path.of("src/main/runtimes");
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern SCRIPT = Pattern.compile("/opt/code-exec/[^/]+/([\\w.-]+)");
    private static final Pattern LIMIT = Pattern.compile("(compile )?(\\d+(?:\\.\\d+)? (?:s|ms|MiB|GiB|processes))");

    private static Map<String, Language> languages;

    @BeforeAll
    static void read() throws IOException {
        languages = new TreeMap<>();
        try (Stream<Path> folders = Files.list(RUNTIMES)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("language.json"))).sorted().toList()) {
                languages.put(folder.getFileName().toString(),
                        JSON.readValue(folder.resolve("language.json").toFile(), Language.class));
            }
        }
    }

    @Test
    void tableListsEveryRuntimeAsItsDescriptorDefinesIt() {
        MarkdownTable table = MarkdownTable.under(Docs.read(Docs.LANGUAGES), "Languages");
        List<String> failures = new ArrayList<>();
        if (table.rowNames().size() != table.rowNames().stream().distinct().count()) {
            failures.add("rows are listed twice: " + table.rowNames());
        }
        for (String id : languages.keySet()) {
            if (!table.rowNames().contains(id)) {
                failures.add("no row for " + id + " (" + RUNTIMES.resolve(id) + ")");
            }
        }
        for (String row : table.rowNames()) {
            Language language = languages.get(row);
            if (language == null) {
                failures.add("row '" + row + "' names no folder of " + RUNTIMES);
            } else {
                failures.addAll(check(table, row, language));
            }
        }
        LimitsTableTest.report(failures);
    }

    @Test
    void judge0TableListsEachLanguagesIds() {
        MarkdownTable table = MarkdownTable.under(Docs.read(Docs.JUDGE0), "Judge0 compatibility");
        Map<String, List<Integer>> listed = new TreeMap<>();
        for (List<String> row : table.rows()) {
            for (int i = 0; i + 1 < row.size(); i += 2) {
                if (!row.get(i).isBlank()) {
                    listed.put(row.get(i + 1), Arrays.stream(row.get(i).split(",\\s*")).map(Integer::valueOf).toList());
                }
            }
        }
        Map<String, List<Integer>> expected = new TreeMap<>();
        languages.forEach((id, language) -> expected.put(id, language.judge0()));
        List<String> failures = new ArrayList<>();
        expected.forEach((id, ids) -> {
            if (!ids.equals(listed.get(id))) {
                failures.add("Judge0 ids of " + id + ": the table says " + listed.get(id) + ", the descriptor " + ids);
            }
        });
        listed.keySet().stream().filter(id -> !expected.containsKey(id))
                .forEach(id -> failures.add("the Judge0 table lists " + id + ", which is no runtime"));
        LimitsTableTest.report(failures);
    }

    private static List<String> check(MarkdownTable table, String row, Language language) {
        List<String> failures = new ArrayList<>();
        String at = "row '" + row + "': ";
        List<String> aliases = spans(table.cell(row, "aliases").orElse(""));
        if (!aliases.equals(language.aliases())) {
            failures.add(at + "aliases " + aliases + ", the descriptor's are " + language.aliases());
        }
        String entry = table.cell(row, "entry file").orElse("");
        if (!entry.equals("`" + language.entry() + "`")) {
            failures.add(at + "entry file " + entry + ", the descriptor's is " + language.entry());
        }
        String compile = table.cell(row, "compile").orElse("");
        if (compile.startsWith("—") == language.compiled()) {
            failures.add(at + "compile '" + compile + "', but the descriptor " + (language.compiled() ? "compiles" : "has no compile step"));
        }
        failures.addAll(program(at + "compile", compile, language.id(), language.compile()));
        failures.addAll(program(at + "run", table.cell(row, "run").orElse(""), language.id(), language.run()));
        String limits = table.cell(row, limitsColumn(table)).orElse("");
        if (limits.startsWith("optional") != language.optional()) {
            failures.add(at + "limits '" + limits + "', but the descriptor is " + (language.optional() ? "" : "not ") + "optional");
        }
        Map<String, Quantity> stated = stated(limits.replaceFirst("^optional;?\\s*", "").replaceFirst("\\s*\\(.*$", ""));
        Map<String, Quantity> own = own(language.limits());
        if (!stated.equals(own)) {
            failures.add(at + "limits '" + limits + "' state " + stated + ", the descriptor's are " + own);
        }
        Path jars = RUNTIMES.resolve(language.id()).resolve("jars.txt");
        if (Files.exists(jars)) {
            String pinned = read(jars).lines().findFirst().orElse("").replaceFirst("^.*/([^/]+)/[^/]+$", "$1");
            String version = table.cell(row, "version").orElse("");
            if (!version.equals(pinned)) {
                failures.add(at + "version " + version + ", the first jar of " + jars + " is " + pinned);
            }
        }
        return failures;
    }

    /**
     * Where a compile or run cell starts with a command, the program it names must be the one the
     * descriptor starts: a word of the command, or of the helper script it runs.
     */
    private static List<String> program(String at, String cell, String id, List<String> command) {
        Matcher span = CODE_SPAN.matcher(cell);
        if (command.isEmpty() || !cell.startsWith("`") || !span.find()) {
            return List.of();
        }
        String program = span.group(1).split(" ")[0];
        String text = String.join(" ", command);
        Matcher script = SCRIPT.matcher(text);
        if (command.get(0).equals("sh") && !command.get(1).equals("-c") && script.find()) {
            text = read(RUNTIMES.resolve(id).resolve(script.group(1)));
        }
        if (!Pattern.compile("(?<![\\w.-])" + Pattern.quote(program) + "(?![\\w-])").matcher(text).find()) {
            return List.of(at + " names " + program + ", which the descriptor's " + command + " does not run");
        }
        return List.of();
    }

    /** "5 s, 256 MiB, 128 processes, compile 20 s" by name. */
    private static Map<String, Quantity> stated(String cell) {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        Matcher m = LIMIT.matcher(cell);
        while (m.find()) {
            String figure = m.group(2);
            String kind = figure.endsWith("processes") ? "pids" : figure.endsWith("s") && !figure.endsWith("iB") ? "timeout" : "memory";
            Quantity value = Quantity.stated(figure.replace(" processes", ""), "");
            limits.put(m.group(1) == null ? kind : "compile-" + kind, value);
        }
        return new TreeMap<>(limits);
    }

    private static Map<String, Quantity> own(LanguageLimits limits) {
        Map<String, Quantity> own = new TreeMap<>();
        put(own, "timeout", limits.timeout(), java.time.Duration.class);
        put(own, "memory", limits.memory(), io.quarkus.runtime.configuration.MemorySize.class);
        put(own, "pids", limits.pids() == null ? null : limits.pids().toString(), Integer.class);
        put(own, "compile-timeout", limits.compileTimeout(), java.time.Duration.class);
        put(own, "compile-memory", limits.compileMemory(), io.quarkus.runtime.configuration.MemorySize.class);
        put(own, "compile-pids", limits.compilePids() == null ? null : limits.compilePids().toString(), Integer.class);
        put(own, "cpus (not in the table)", limits.cpus() == null ? null : limits.cpus().toString(), Double.class);
        put(own, "scratch (not in the table)", limits.scratch(), io.quarkus.runtime.configuration.MemorySize.class);
        return own;
    }

    private static void put(Map<String, Quantity> limits, String name, String value, Class<?> type) {
        if (value != null) {
            limits.put(name, Quantity.setting(type, value, ""));
        }
    }

    private static String limitsColumn(MarkdownTable table) {
        return table.header().stream().filter(h -> h.startsWith("default limits")).findFirst()
                .orElseThrow(() -> new AssertionError("the languages table has no 'default limits' column: " + table.header()));
    }

    private static List<String> spans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(cell);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
