package dev.codeexec.docs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference (docs/operations.md, "Configuration") and the README's short table
 * against the mapping: every key they name exists and its stated default is the one the service
 * starts with (CodeExecConfig's @WithDefault, application.properties on top, see
 * {@link ConfigDefaults}); every code-exec key of the mapping has a row in the reference. No
 * Quarkus, no Docker.
 */
class ConfigReferenceTest {

    private static ConfigDefaults config;

    @BeforeAll
    static void read() throws IOException {
        config = ConfigDefaults.read();
    }

    @Test
    void referenceStatesEveryKeyAndItsDefault() {
        MarkdownTable table = MarkdownTable.under(Docs.read(Docs.OPERATIONS), "Configuration");
        List<String> documented = new ArrayList<>();
        List<String> failures = check(table, documented);
        for (ConfigDefaults.Setting setting : config.all()) {
            if (setting.key().startsWith("code-exec.") && !documented.contains(setting.key())) {
                failures.add(setting.key() + " (" + setting.origin() + ") has no row in the configuration reference");
            }
        }
        LimitsTableTest.report(failures);
    }

    @Test
    void readmeStatesTheDefaultsOfTheKeysItNames() {
        MarkdownTable table = MarkdownTable.under(Docs.read(Docs.README), "Configuration people change most");
        LimitsTableTest.report(check(table, new ArrayList<>()));
    }

    @Test
    void applicationPropertiesFallBackToTheKeysDefaults() {
        LimitsTableTest.report("application.properties fallback(s) disagree with CodeExecConfig", config.conflicts());
    }

    /**
     * Each row names keys ({@code `a.b.c` / `.d`}) and their defaults ({@code `x` / `y`}, or words
     * when there is none): literal defaults must be the keys' defaults, words stand only for keys
     * without one, and every key must exist. Adds the keys named to {@code documented}.
     */
    private static List<String> check(MarkdownTable table, List<String> documented) {
        List<String> failures = new ArrayList<>();
        for (String row : table.rowNames()) {
            String keyCell = table.rows().get(table.rowNames().indexOf(row)).get(0);
            String defaultCell = table.cell(row, "default").orElse("");
            List<String> keys = keys(keyCell);
            List<String> literals = defaultCell.matches("`[^`]+`( / `[^`]+`)*") ? List.of(defaultCell.split(" / ")) : null;
            if (literals != null && literals.size() != keys.size()) {
                failures.add("row '" + row + "' states " + literals.size() + " defaults for " + keys.size() + " keys");
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                documented.add(key.replaceAll("<[^>]*>", "<*>"));
                Optional<ConfigDefaults.Setting> setting = config.get(key);
                if (setting.isEmpty()) {
                    failures.add("row '" + row + "' names " + key + ", which is no setting of CodeExecConfig or "
                            + ConfigDefaults.PROPERTIES);
                    continue;
                }
                String actual = setting.get().value();
                String stated = literals == null ? null : literals.get(i).replace("`", "");
                if (actual == null && stated != null && !stated.contains(" ")) {
                    failures.add("row '" + row + "' states '" + stated + "' where " + key + " has no default");
                } else if (actual != null && stated == null) {
                    failures.add("row '" + row + "' states '" + defaultCell + "' where " + key + " is '" + actual + "'");
                } else if (actual != null && !Quantity.sameSetting(setting.get().type(), actual, stated)) {
                    failures.add("row '" + row + "' states " + stated + " where " + key + " is '" + actual + "'");
                }
            }
        }
        return failures;
    }

    /** {@code `code-exec.limits.compile-timeout` / `.max-compile-timeout`}: a full key, then siblings. */
    private static List<String> keys(String cell) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            String key = m.group(1);
            keys.add(key.startsWith(".") && !keys.isEmpty()
                    ? keys.get(0).substring(0, keys.get(0).lastIndexOf('.')) + key : key);
        }
        return keys;
    }
}
