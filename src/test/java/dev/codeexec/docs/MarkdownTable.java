package dev.codeexec.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first table under a heading of a Markdown text: its header and rows, cells trimmed. A row is
 * named by its first cell without backticks. Pipes inside backticks do not split cells.
 */
record MarkdownTable(String heading, List<String> header, List<List<String>> rows) {

    /** The text from the heading (any level, exact title) to the next heading of any level. */
    static String section(String markdown, String heading) {
        StringBuilder text = null;
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            boolean isHeading = !fenced && line.matches("#{1,6} .*");
            if (text != null && isHeading) {
                return text.toString();
            }
            if (text == null && isHeading && line.replaceFirst("^#+ ", "").strip().equals(heading)) {
                text = new StringBuilder();
            } else if (text != null) {
                text.append(line).append('\n');
            }
        }
        if (text == null) {
            throw new AssertionError("no heading '" + heading + "'");
        }
        return text.toString();
    }

    static MarkdownTable under(String markdown, String heading) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : section(markdown, heading).split("\n")) {
            if (line.startsWith("|")) {
                lines.add(cells(line));
            } else if (!lines.isEmpty()) {
                break;
            }
        }
        if (lines.size() < 2) {
            throw new AssertionError("no table under '" + heading + "'");
        }
        return new MarkdownTable(heading, lines.get(0), List.copyOf(lines.subList(2, lines.size())));
    }

    /** The cell of the named row in the named column. */
    Optional<String> cell(String row, String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new AssertionError("table under '" + heading + "' has no column '" + column + "': " + header);
        }
        return rows.stream().filter(r -> name(r).equals(row) && r.size() > index).map(r -> r.get(index)).findFirst();
    }

    List<String> rowNames() {
        return rows.stream().map(MarkdownTable::name).toList();
    }

    private static String name(List<String> row) {
        return row.get(0).replace("`", "").strip();
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '`') {
                code = !code;
            }
            if (c == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString().strip());
        }
        return cells;
    }
}
