package dev.codeexec.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs' limits table and request fields (docs/api.md) and the figures their prose states
 * (README and docs/) against what the service really uses: the settings' defaults (CodeExecConfig's
 * @WithDefault and application.properties), the launcher's #defines and the Java constants. No
 * Quarkus, no Docker. In the two tables every figure must be claimed here (checked, or named
 * unchecked with a reason), so a new figure in them cannot go unchecked. The configuration
 * reference is {@link ConfigReferenceTest}'s.
 */
class LimitsTableTest {

    private static final String MIN_TIME = "unchecked:the lowest time limit, 1 ms, is written in LimitsResolver's checks";
    private static final String MIN_MEMORY = "java:dev.codeexec.execution.LimitsResolver.MIN_MEMORY_MB MiB";
    private static final String PATH_BYTES = "launcher:MAX_PATH_BYTES bytes & java:dev.codeexec.sandbox.SandboxPaths.MAX_BYTES bytes";
    private static final String PATH_DEPTH = "launcher:MAX_DEPTH & java:dev.codeexec.sandbox.SandboxPaths.MAX_DEPTH";
    private static final String COMPONENT = "launcher:MAX_COMPONENT bytes & java:dev.codeexec.sandbox.SandboxPaths.MAX_COMPONENT_BYTES bytes";
    private static final String ARG_CHARS = "java:dev.codeexec.execution.RequestChecks.MAX_ARG_CHARS";

    /** The "default" column of the table under "Limits" (and the "how" column where it names a figure). */
    private static final List<Claim> LIMITS = List.of(
            Claim.of("wall clock", "run: (\\d+ s) \\(request may ask (\\d+)–(\\d+) ms\\); compile: (\\d+ s) \\((\\d+)–(\\d+) ms\\)",
                    "ms", "code-exec.limits.timeout", MIN_TIME, "code-exec.limits.max-timeout",
                    "code-exec.limits.compile-timeout", MIN_TIME, "code-exec.limits.max-compile-timeout"),
            Claim.of("memory", "run: (\\d+ MiB) \\((\\d+)–(\\d+ MiB)\\); compile: (\\d+ MiB) \\((\\d+)–(\\d+ MiB)\\)", "MiB",
                    "code-exec.limits.memory", MIN_MEMORY, "code-exec.limits.max-memory",
                    "code-exec.limits.compile-memory", MIN_MEMORY, "code-exec.limits.max-compile-memory"),
            Claim.of("CPU", "(\\d+) core", "", "code-exec.limits.cpus"),
            Claim.of("processes + threads", "(\\d+) \\(compile: (\\d+)\\)", "", "code-exec.limits.pids",
                    "code-exec.limits.compile-pids"),
            Claim.of("stack", "(\\d+ MiB) per process", "", "launcher:STACK bytes"),
            Claim.of("output", "run: (\\d+ [KM]iB), .*compile: (\\d+ [KM]iB)", "", "code-exec.limits.output",
                    "code-exec.limits.compile-output"),
            Claim.of("output kept per request", "(\\d+ [KM]iB):", "", "code-exec.limits.max-request-output"),
            Claim.of("code", "(\\d+ KiB) \\(all files together\\), (\\d+) files", "", "code-exec.limits.code",
                    "code-exec.limits.max-files"),
            Claim.of("file names", "at most (\\d+ bytes) of UTF-8, (\\d+) components of at most (\\d+ bytes) each", "",
                    PATH_BYTES, PATH_DEPTH, COMPONENT),
            Claim.of("files kept by the compile cache", "(\\d+ MiB) per file", "", "launcher:MAX_PAYLOAD bytes"),
            Claim.of("input", "^(\\d+ [KM]iB)", "", "code-exec.limits.input"),
            Claim.of("output files", "(\\d+) files, (\\d+ MiB) together", "", "code-exec.limits.output-files",
                    "code-exec.limits.output-files-size"),
            Claim.of("args", "(\\d+) × (\\d+) chars", "", "code-exec.limits.max-args", ARG_CHARS),
            Claim.of("test cases", "(\\d+); their time limits together ≤ (\\d+ s)", "", "code-exec.limits.max-tests",
                    "code-exec.limits.max-total-run-time"),
            Claim.of("writable disk", "(\\d+ MiB) and (\\d+) files each", "", "code-exec.limits.scratch",
                    "code-exec.limits.scratch-files"),
            Claim.of("largest file", "^(\\d+ MiB)", "", "code-exec.limits.scratch"),
            Claim.of("/dev/shm", "^(\\d+ MiB)", "", "code-exec.limits.shm"),
            Claim.of("open files", "(\\d+) per process", "", "code-exec.limits.open-files"),
            Claim.of("users", "builder \\(uid (\\d+)\\); programs run as uid (\\d+)", "", "uid:builder", "uid:sandbox"),
            Claim.of("other", "PID (1)", "", "unchecked:the launcher is the container's init"));

    private static final List<Claim> LIMITS_HOW = List.of(
            Claim.of("wall clock", "report is (\\d+(?:\\.\\d+)? s) late \\(`code-exec.docker.launcher-grace`\\)", "",
                    "code-exec.docker.launcher-grace"));

    /** The "meaning" column of the first table under "`POST /run/{language}`" (its request fields). */
    private static final List<Claim> REQUEST_FIELDS = List.of(
            Claim.of("code", "at most (\\d+ KiB)", "", "code-exec.limits.code"),
            Claim.of("files", "at most (\\d+) files, (\\d+ KiB) together", "", "code-exec.limits.max-files",
                    "code-exec.limits.code"),
            Claim.of("files", "≤ (\\d+ bytes), unique", "",
                    "java:dev.codeexec.execution.Program.MAX_NAME_BYTES bytes & " + COMPONENT),
            Claim.of("input", "at most (\\d+ MiB)", "", "code-exec.limits.input"),
            Claim.of("args", "at most (\\d+), each ≤ (\\d+) chars", "", "code-exec.limits.max-args", ARG_CHARS),
            Claim.of("outputs", "at most (\\d+) patterns", "", "java:dev.codeexec.execution.OutputChecks.MAX_PATTERNS"),
            Claim.of("timeoutMs", "(\\d+) to the cap \\((\\d+)\\); default: the language's \\((\\d+) for most\\)", "ms",
                    MIN_TIME, "code-exec.limits.max-timeout", "code-exec.limits.timeout"),
            Claim.of("memoryMb", "(\\d+) to the cap \\((\\d+)\\); default: the language's \\((\\d+) for most\\)", "MiB",
                    MIN_MEMORY, "code-exec.limits.max-memory", "code-exec.limits.memory"),
            Claim.of("cpuTimeMs", "(\\d+) to the time cap", "ms", MIN_TIME),
            Claim.of("compileTimeoutMs", "(\\d+) to the cap \\((\\d+)\\); default (\\d+)", "ms", MIN_TIME,
                    "code-exec.limits.max-compile-timeout", "code-exec.limits.compile-timeout"),
            Claim.of("compileMemoryMb", "(\\d+) to the cap \\((\\d+)\\); default (\\d+)", "MiB", MIN_MEMORY,
                    "code-exec.limits.max-compile-memory", "code-exec.limits.compile-memory"));

    /** Figures in running text (and in tables this test does not read row by row), by page and section. */
    private static final Map<Path, List<Claim>> PROSE = Map.of(
            Docs.README, List.of(
                    Claim.of("Quick start", "http://localhost:(\\d+)", "", "quarkus.http.port"),
                    Claim.of("Quick start", "(\\d+) at a time\\)", "", "code-exec.images.parallel-builds")),
            Docs.API, List.of(
                    Claim.of("`POST /run/{language}`", "`Timeout of (\\d+) ms exceeded`, `Memory limit of (\\d+ MiB) exceeded`, "
                            + "`Output limit of (\\d+ MiB) exceeded`", "ms", "code-exec.limits.timeout", "code-exec.limits.memory",
                            "code-exec.limits.output"),
                    Claim.of("Test cases", "With `tests` \\(at most (\\d+) cases\\)", "", "code-exec.limits.max-tests"),
                    Claim.of("Test cases", "e\\.g\\. \\d+ cases at the default (\\d+ s)", "", "code-exec.limits.timeout"),
                    Claim.of("Errors", "more than (\\d+) files", "", "code-exec.limits.max-files"),
                    Claim.of("Errors", "more than (\\d+) test cases", "", "code-exec.limits.max-tests"),
                    Claim.of("Errors", "body over (\\d+ MiB)", "", "quarkus.http.limits.max-body-size")),
            Docs.LANGUAGES, List.of(
                    Claim.of("Languages", "default limits \\(else (\\d+ s), (\\d+ MiB), (\\d+) processes; compile (\\d+ s), (\\d+ MiB)\\)",
                            "", "code-exec.limits.timeout", "code-exec.limits.memory", "code-exec.limits.pids",
                            "code-exec.limits.compile-timeout", "code-exec.limits.compile-memory"),
                    Claim.of("Languages", "All languages get (\\d+ MiB) of stack per process", "", "launcher:STACK bytes"),
                    Claim.of("Languages", "a (\\d+ MiB) `/sandbox` and `/tmp`, (\\d+) CPU", "", "code-exec.limits.scratch",
                            "code-exec.limits.cpus"),
                    Claim.of("Adding a language", "builder \\(uid (\\d+)\\), run steps as the sandbox user \\(uid (\\d+)\\)", "",
                            "uid:builder", "uid:sandbox")),
            Docs.PISTON, List.of(
                    Claim.of("Piston compatibility", "`Timeout of (\\d+) ms exceeded`", "ms", "code-exec.limits.timeout"),
                    Claim.of("Piston compatibility", "`Memory limit of (\\d+ MiB) exceeded`", "", "code-exec.limits.memory"),
                    Claim.of("Piston compatibility", "`Output limit of (\\d+ MiB) exceeded`", "", "code-exec.limits.output"),
                    Claim.of("Piston compatibility", "exceed the configured limit of (\\d+)`", "ms", "code-exec.limits.max-timeout"),
                    Claim.of("Piston compatibility", "`run_memory_limit must be at least (\\d+)`", "bytes", MIN_MEMORY),
                    Claim.of("Piston compatibility", "Memory below (\\d+ MiB) is a 400", "", MIN_MEMORY),
                    Claim.of("Piston compatibility", "\\((\\d+ MiB) by default, the output so far is kept\\)", "",
                            "code-exec.limits.output")),
            Docs.JUDGE0, List.of(
                    Claim.of("Judge0 compatibility", "(\\d+ MiB) to `code-exec.limits.max-memory`", "", MIN_MEMORY)),
            Docs.OPERATIONS, List.of(
                    Claim.of("Health probes", "ping within (\\d+ s)", "", "java:dev.codeexec.health.ReadinessCheck.PING_TIMEOUT_MS ms"),
                    Claim.of("Overload and engine faults", "`code-exec.execution.queue` waiting \\((\\d+)\\)", "",
                            "code-exec.execution.queue"),
                    Claim.of("Overload and engine faults", "container removal \\((\\d+) attempts\\)", "",
                            "java:dev.codeexec.sandbox.docker.ContainerJanitor.REMOVE_ATTEMPTS"),
                    Claim.of("Overload and engine faults", "engine connect (\\d+ s), engine response (\\d+ s), outer guard per "
                            + "request (\\d+ s)", "", "code-exec.docker.connect-timeout", "code-exec.docker.response-timeout",
                            "code-exec.execution.guard-timeout-ms ms"),
                    Claim.of("Throughput mode", "programs run as uid (\\d+)", "", "uid:sandbox")),
            Docs.ARCHITECTURE, List.of(
                    Claim.of("How a run works", "queues (\\d+) more", "", "code-exec.execution.queue"),
                    Claim.of("How a run works", "An outer guard \\((\\d+ s),", "", "code-exec.execution.guard-timeout-ms ms"),
                    Claim.of("How a run works", "A report that does not come (\\d+(?:\\.\\d+)? s) after", "",
                            "code-exec.docker.launcher-grace"),
                    Claim.of("Compile cache", "over `max-entry-size` \\((\\d+ MiB)\\)", "", "code-exec.compile-cache.max-entry-size")),
            Docs.SECURITY, List.of(
                    Claim.of("Threat model", "pids cgroup \\((\\d+)\\)", "", "code-exec.limits.pids"),
                    Claim.of("Threat model", "(\\d+ MiB) shm; (\\d+ MiB) and (\\d+) inodes per tmpfs; `ulimit -f` (\\d+ MiB); "
                            + "`ulimit -n` (\\d+)", "", "code-exec.limits.shm", "code-exec.limits.scratch",
                            "code-exec.limits.scratch-files", "code-exec.limits.scratch", "code-exec.limits.open-files"),
                    Claim.of("Threat model", "caps them together \\((\\d+ MiB)\\)", "", "code-exec.limits.output"),
                    Claim.of("Threat model", "capabilities \\| uid (\\d+) with no capability", "", "uid:sandbox"),
                    Claim.of("Threat model", "nesting ≤ (\\d+)", "", "java:dev.codeexec.rest.StrictJson.MAX_NESTING"),
                    Claim.of("Threat model", "(\\d+ MiB) body cap", "", "quarkus.http.limits.max-body-size"),
                    Claim.of("Threat model", "(\\d+ KiB) headers", "", "quarkus.http.limits.max-header-size"),
                    Claim.of("Threat model", "body must arrive within (\\d+ s) \\(408\\)", "", "code-exec.http.body-timeout"),
                    Claim.of("Threat model", "idle connections closed after (\\d+ s)", "", "quarkus.http.idle-timeout"),
                    Claim.of("Threat model", "at most (\\d+) connections", "", "quarkus.http.limits.max-connections"),
                    Claim.of("Threat model", "bounded queue \\((\\d+)\\)", "", "code-exec.execution.queue"),
                    Claim.of("What still succeeds, and what the operator must do", "(\\d+) connections are allowed", "",
                            "quarkus.http.limits.max-connections")));

    /** "`code-exec.some.key` (figure" or "(default figure" anywhere: the figure is that key's default. */
    private static final Pattern KEY_THEN_FIGURE = Pattern.compile(
            "`(code-exec\\.[a-z0-9.-]+)`\\s+\\((?:default\\s+)?(\\d+(?:\\.\\d+)?(?:\\s*(?:ms|s|min|KiB|MiB|GiB))?)[);,:]");

    private static String api;
    private static ConfigDefaults config;
    private static Facts facts;

    @BeforeAll
    static void read() throws IOException {
        api = Docs.read(Docs.API);
        config = ConfigDefaults.read();
        facts = new Facts(config);
    }

    @Test
    void limitsTableStatesTheDefaultsTheServiceUses() {
        MarkdownTable table = MarkdownTable.under(api, "Limits");
        List<String> failures = checkRows(table, "default", LIMITS, true);
        failures.addAll(checkRows(table, "how", LIMITS_HOW, false));
        report(failures);
    }

    @Test
    void requestFieldsStateTheDefaultsAndCaps() {
        report(checkRows(MarkdownTable.under(api, "`POST /run/{language}`"), "meaning", REQUEST_FIELDS, true));
    }

    @Test
    void proseStatesTheDefaultsAndCaps() {
        List<String> failures = new ArrayList<>();
        PROSE.forEach((page, claims) -> {
            String text = Docs.read(page);
            for (Claim claim : claims) {
                failures.addAll(claim.check(page + " section '" + claim.place() + "'",
                        MarkdownTable.section(text, claim.place()), facts).failures());
            }
        });
        int found = 0;
        for (Path page : Docs.pages()) {
            found += keyThenFigure(page, failures);
        }
        assertTrue(found >= 10, "expected many \"`key` (value)\" mentions in the docs, found " + found);
        report(failures);
    }

    /** Checks every "`code-exec.some.key` (figure" of a page; answers how many there were. */
    private static int keyThenFigure(Path page, List<String> failures) {
        Matcher m = KEY_THEN_FIGURE.matcher(Docs.read(page));
        int found = 0;
        while (m.find()) {
            found++;
            String key = m.group(1);
            String unit = key.endsWith("-ms") ? "ms" : "";
            failures.addAll(Claim.of(key, "^(.*)$", unit, (key + " " + unit).strip())
                    .check(page + ": '`" + key + "` (" + m.group(2) + "'", m.group(2), facts).failures());
        }
        return found;
    }

    private static List<String> checkRows(MarkdownTable table, String column, List<Claim> claims, boolean complete) {
        List<String> failures = new ArrayList<>();
        for (String row : claims.stream().map(Claim::place).distinct().toList()) {
            Optional<String> cell = table.cell(row, column);
            if (cell.isEmpty()) {
                failures.add("table under '" + table.heading() + "' has no row '" + row + "'");
                continue;
            }
            List<int[]> spans = new ArrayList<>();
            for (Claim claim : claims.stream().filter(c -> c.place().equals(row)).toList()) {
                Claim.Check check = claim.check("row '" + row + "'", cell.get(), facts);
                failures.addAll(check.failures());
                spans.addAll(check.spans());
            }
            if (complete) {
                failures.addAll(Claim.uncovered("row '" + row + "'", cell.get(), spans));
            }
        }
        if (complete) {
            for (String row : table.rowNames()) {
                if (claims.stream().noneMatch(c -> c.place().equals(row))) {
                    table.cell(row, column).ifPresent(text -> failures.addAll(Claim.uncovered("row '" + row + "'", text, List.of())));
                }
            }
        }
        return failures;
    }

    static void report(List<String> failures) {
        report("documentation statement(s) do not hold", failures);
    }

    static void report(String what, List<String> failures) {
        if (!failures.isEmpty()) {
            fail(failures.size() + " " + what + ":\n  " + String.join("\n  ", failures));
        }
    }
}
