package dev.codeexec.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures a piece of documentation states: a pattern whose groups are figures, each with the
 * source(s) it must equal (see {@link Facts}; several joined by " & "). A bare number in a group
 * takes {@code unit}. A space in the pattern matches any white space, line breaks included.
 */
record Claim(String place, Pattern pattern, String unit, List<String> sources) {

    /** {@code place}: the table row or the section whose text states the figures. */
    static Claim of(String place, String regex, String unit, String... sources) {
        Pattern pattern = Pattern.compile(regex.replace(" ", "\\s+")); // prose may break a line anywhere
        if (pattern.matcher("").groupCount() != sources.length) {
            throw new IllegalArgumentException(regex + " has not one group per source");
        }
        return new Claim(place, pattern, unit, List.of(sources));
    }

    /** A figure in running text: digits not inside a word or a name ("UTF-8", "i386", "AF_INET6"). */
    static final Pattern FIGURE = Pattern.compile("(?<![\\w.\\-\\[])\\d+(?:\\.\\d+)?(?![\\w\\]])");

    /** What is wrong with the figures {@code text} states (nothing when they hold), and where they stand. */
    record Check(List<String> failures, List<int[]> spans) {
    }

    /** {@code label} names the place in messages: "row 'memory'", "section 'Warm pool'". */
    Check check(String label, String text, Facts facts) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return new Check(List.of(label + " no longer matches /" + pattern + "/: '" + text + "'"), List.of());
        }
        List<String> failures = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (int g = 1; g <= sources.size(); g++) {
            spans.add(new int[] {m.start(g), m.end(g)});
            String figure = m.group(g).strip().replaceAll("\\s+", " ");
            String stated = figure.matches("[\\d.]+") && !unit.isEmpty() ? figure + " " + unit : figure;
            for (String source : sources.get(g - 1).split(" & ")) {
                Facts.Fact fact = facts.resolve(source);
                if (fact != null && !Quantity.stated(figure, unit).equals(fact.value())) {
                    failures.add(label + " states " + stated + " where " + fact.description());
                }
            }
        }
        return new Check(failures, spans);
    }

    /** Figures in {@code text} that no claim covers: each must be checked, or named unchecked with a reason. */
    static List<String> uncovered(String label, String text, List<int[]> spans) {
        List<String> left = new ArrayList<>();
        Matcher figure = FIGURE.matcher(text);
        while (figure.find()) {
            int at = figure.start();
            if (spans.stream().noneMatch(s -> s[0] <= at && at < s[1])) {
                left.add(label + " states " + figure.group() + " (in '" + text + "') but no claim of this test checks it");
            }
        }
        return left;
    }
}
