package dev.codeexec.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the documentation pages ({@link Docs#pages()}) resolves: the file or
 * folder exists, and an anchor ({@code page.md#heading}, {@code #heading}) names a heading of that
 * page as GitHub slugs it. Links to other sites are not followed. No Quarkus, no Docker.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path page : Docs.pages()) {
            for (String target : links(Docs.read(page))) {
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    failures.add(page + ": (" + target + ") names " + file + ", which does not exist");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(Docs.read(resolved)).contains(anchor)) {
                    failures.add(page + ": (" + target + ") names #" + anchor + ", which is no heading of " + (file.isEmpty() ? page : file));
                }
            }
        }
        assertTrue(checked >= 50, "expected many relative links in the docs, found " + checked);
        LimitsTableTest.report("broken link(s)", failures);
    }

    @Test
    void slugsFollowGitHubsRules() {
        assertEquals(List.of("post-runlanguage", "speed-preloaded-interpreters", "what-still-succeeds-and-what-the-operator-must-do",
                "the-services-image", "errors", "errors-1", "errors-2", "max_size-and-a-b"),
                List.copyOf(anchors("## `POST /run/{language}`\n### Speed: preloaded interpreters\n"
                        + "## What still succeeds, and what the operator must do\n## The service's image\n"
                        + "# Errors\n## Errors\n## Errors\n```\n# not a heading\n```\n## [max_size](x.md) and a-b\n")));
    }

    /** Link targets outside code blocks and code spans. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    /**
     * A page's anchors as GitHub makes them: the heading's text (links reduced to their text)
     * lower-cased, every character but letters, digits, spaces, '-' and '_' dropped, spaces made
     * '-'; a repeated slug gets -1, -2, ...
     */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String text = heading.group(1).replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }
}
