package dev.codeexec.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The table of HTTP errors (docs/api.md) against the statuses the rest package answers with: every
 * error status written in rest/ (problem(...), reject(ctx, ...), setStatusCode(...), status(...),
 * response(...), case NNN) has a row, and every row's status is answered somewhere.
 */
class ErrorsTableTest {

    static final Path REST = Path.of("src/main/java/dev/codeexec/rest");
    private static final Pattern ANSWERED = Pattern.compile(
            "(?:problem|reject|setStatusCode|status|response)\\(\\s*(?:ctx,\\s*)?([45]\\d\\d)\\b|case ([45]\\d\\d) ->");
    /** Statuses nobody reads, so the table need not list them. */
    private static final Map<Integer, String> UNLISTED = Map.of(
            499, "the answer to a client that went away (logged, never read)");

    @Test
    void everyErrorStatusTheServiceAnswersHasARowAndNoOther() throws IOException {
        Map<Integer, String> answered = new TreeMap<>();
        try (Stream<Path> files = Files.walk(REST)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = ANSWERED.matcher(Files.readString(file));
                while (m.find()) {
                    int status = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                    answered.putIfAbsent(status, REST.relativize(file).toString());
                }
            }
        }
        MarkdownTable table = MarkdownTable.under(Docs.read(Docs.API), "Errors");
        Set<Integer> listed = new TreeSet<>();
        for (String row : table.rowNames()) {
            Matcher status = Pattern.compile("\\b([45]\\d\\d)\\b").matcher(row);
            while (status.find()) {
                listed.add(Integer.parseInt(status.group(1)));
            }
        }
        List<String> failures = new java.util.ArrayList<>();
        answered.forEach((status, file) -> {
            if (!listed.contains(status) && !UNLISTED.containsKey(status)) {
                failures.add("the errors table has no row for " + status + ", which rest/" + file + " answers");
            }
        });
        for (int status : listed) {
            if (!answered.containsKey(status)) {
                failures.add("the errors table lists " + status + ", which nothing in rest/ answers");
            }
        }
        LimitsTableTest.report(failures);
    }
}
