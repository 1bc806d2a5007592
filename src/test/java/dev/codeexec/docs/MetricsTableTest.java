package dev.codeexec.docs;

import dev.codeexec.metrics.Metrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metrics table (docs/operations.md) against what {@link Metrics} exports: every codeexec_* family has a
 * row with its type, its tags, and for a tag the table enumerates ({@code `phase` = create, ...})
 * exactly the values the code can give it. Metrics is driven through every enum value on a plain
 * Prometheus registry and scraped; no Quarkus.
 */
class MetricsTableTest {

    private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE (codeexec_\\w+) (\\w+)$");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(codeexec_\\w+)\\{([^}]*)}");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** Every codeexec_* family of a scrape after every meter was used with every value its enums allow. */
    private static Map<String, Family> exported() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics metrics = new Metrics(registry);
        metrics.capacity(2, 32);
        for (Metrics.Api api : Metrics.Api.values()) {
            metrics.executed(api, "python", "OK", Duration.ofMillis(5));
        }
        for (Metrics.Phase phase : Metrics.Phase.values()) {
            metrics.phase(phase, 1_000_000);
        }
        for (Metrics.Rejection reason : Metrics.Rejection.values()) {
            metrics.rejected(reason);
        }
        metrics.compileCache(true);
        metrics.compileCache(false);
        metrics.verdict("python", "ACCEPTED");
        metrics.reaped(1);
        metrics.runtimeReady("python", true);
        metrics.poolSize("python", () -> 1);
        metrics.sessions(() -> 1);
        for (Metrics.SessionEnd why : Metrics.SessionEnd.values()) {
            metrics.sessionEnded(why);
        }
        String scrape = registry.scrape();
        Map<String, Family> families = new TreeMap<>();
        Matcher type = TYPE.matcher(scrape);
        while (type.find()) {
            families.put(type.group(1), new Family(type.group(2), new TreeMap<>()));
        }
        // a timer's _max gauge belongs to its histogram's row
        families.keySet().removeIf(name -> name.endsWith("_max") && families.containsKey(name.replaceFirst("_max$", "")));
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            Family family = families.entrySet().stream().filter(f -> sample.group(1).startsWith(f.getKey()))
                    .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
                    .map(Map.Entry::getValue).orElseThrow();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                if (!label.group(1).equals("le")) {
                    family.labels().computeIfAbsent(label.group(1), k -> new TreeSet<>()).add(label.group(2));
                }
            }
        }
        return families;
    }

    record Family(String type, Map<String, Set<String>> labels) {
    }

    @Test
    void everyMeterHasARowWithItsTypeTagsAndValues() throws IOException {
        Map<String, Family> exported = exported();
        MarkdownTable table = MarkdownTable.under(Docs.read(Docs.OPERATIONS), "Metrics");
        List<String> failures = new ArrayList<>();
        for (String name : exported.keySet()) {
            if (!table.rowNames().contains(name)) {
                failures.add("the metrics table has no row for " + name);
            }
        }
        for (String row : table.rowNames()) {
            Family family = exported.get(row);
            if (family == null) {
                failures.add("row '" + row + "' names a metric Metrics does not export (it exports " + exported.keySet() + ")");
                continue;
            }
            String type = table.cell(row, "type").orElse("").split(" ")[0];
            if (!type.equals(family.type())) {
                failures.add("row '" + row + "' states type " + type + " where the scrape says " + family.type());
            }
            Map<String, Set<String>> stated = tags(table.cell(row, "tags").orElse(""));
            if (!stated.keySet().equals(family.labels().keySet())) {
                failures.add("row '" + row + "' states tags " + stated.keySet() + " where the scrape has "
                        + family.labels().keySet());
            }
            stated.forEach((tag, values) -> {
                if (!values.isEmpty() && !values.equals(family.labels().get(tag))) {
                    failures.add("row '" + row + "' states " + tag + " = " + values + " where Metrics gives "
                            + family.labels().get(tag));
                }
            });
        }
        LimitsTableTest.report(failures);
    }

    /** {@code `api` = run, piston, judge0; `language`, `status`}: tag names, and the values where listed. */
    private static Map<String, Set<String>> tags(String cell) {
        Map<String, Set<String>> tags = new TreeMap<>();
        Matcher m = Pattern.compile("`(\\w+)`(?:\\s*=\\s*([^;`]+))?").matcher(cell);
        while (m.find()) {
            Set<String> values = new TreeSet<>();
            if (m.group(2) != null) {
                for (String value : m.group(2).split("[,|]")) {
                    values.add(value.strip());
                }
            }
            tags.put(m.group(1), values);
        }
        return tags;
    }
}
