package dev.codeexec.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which values of a values.yaml carry a description: a comment block starting with "# --" right
 * above the key. A documented key covers everything below it (e.g. the entries of a map value).
 */
record ValuesDocumentation(Map<String, Object> values, List<String> documentedKeys) {

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_./-]+):( .*)?$");

    static ValuesDocumentation read(Path file) throws IOException {
        String text = Files.readString(file);
        List<String> documented = new ArrayList<>();
        Deque<Object[]> parents = new ArrayDeque<>(); // {indent, key}
        boolean described = false;
        boolean inComment = false;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                if (!inComment) {
                    described = trimmed.startsWith("# --");
                }
                inComment = true;
                continue;
            }
            inComment = false;
            Matcher key = KEY.matcher(line);
            if (trimmed.isEmpty() || trimmed.startsWith("- ") || !key.matches()) {
                described = false;
                continue;
            }
            int indent = key.group(1).length();
            while (!parents.isEmpty() && (int) parents.peek()[0] >= indent) {
                parents.pop();
            }
            parents.push(new Object[] {indent, key.group(2)});
            if (described) {
                List<String> path = new ArrayList<>();
                parents.descendingIterator().forEachRemaining(p -> path.add((String) p[1]));
                documented.add(String.join(".", path));
            }
            described = false;
        }
        return new ValuesDocumentation(Yamls.parse(text), documented);
    }

    /** Leaf values (scalars, lists, empty maps) with no documented key at or above them. */
    List<String> undocumentedLeaves() {
        List<String> undocumented = new ArrayList<>();
        collect("", values, undocumented);
        return undocumented;
    }

    private void collect(String path, Object value, List<String> undocumented) {
        if (!path.isEmpty() && isCovered(path)) {
            return;
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, child) -> collect(path.isEmpty() ? (String) key : path + "." + key, child, undocumented));
        } else {
            undocumented.add(path);
        }
    }

    private boolean isCovered(String path) {
        return documentedKeys.stream().anyMatch(key -> path.equals(key) || path.startsWith(key + "."));
    }
}
