package dev.codeexec.execution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Compares a program's output with the expected output. Modes:
 * <ul>
 * <li>{@code exact}: byte for byte;</li>
 * <li>{@code lines} (default): line by line, ignoring trailing whitespace on each line, trailing
 * blank lines and the line ending (\n or \r\n);</li>
 * <li>{@code tokens}: the same whitespace-separated tokens, however spaced;</li>
 * <li>{@code float}: the same tokens, where two numbers match within the tolerance (absolute or
 * relative, whichever is looser) and other tokens must be equal.</li>
 * </ul>
 */
public final class Judge {

    public enum Mode { EXACT, LINES, TOKENS, FLOAT }

    static final double DEFAULT_TOLERANCE = 1e-6;

    private Judge() {
    }

    /** The mode named by a request (null: lines); unknown names are the client's error. */
    static Mode mode(String name) {
        if (name == null) {
            return Mode.LINES;
        }
        try {
            return Mode.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidExecutionException("compare must be one of exact, lines, tokens, float");
        }
    }

    static boolean matches(Mode mode, String expected, String actual, double tolerance) {
        return switch (mode) {
            case EXACT -> expected.equals(actual);
            case LINES -> lines(expected).equals(lines(actual));
            case TOKENS -> tokens(expected).equals(tokens(actual));
            case FLOAT -> floats(tokens(expected), tokens(actual), tolerance);
        };
    }

    /** The verdict of a case that ran: its status, then (when it ended well) its stdout. */
    static Verdict verdict(StepOutcome run, String expected, Mode mode, double tolerance) {
        return verdict(run, run.stdout(), expected, mode, tolerance);
    }

    /** The verdict of a case that ran: its status, then (when it ended well) the output judged. */
    static Verdict verdict(StepOutcome run, String actual, String expected, Mode mode, double tolerance) {
        if (run.status() != RunStatus.OK) {
            return Verdict.of(run.status());
        }
        return expected == null || matches(mode, expected, actual == null ? "" : actual, tolerance) ? Verdict.ACCEPTED
                : Verdict.WRONG_ANSWER;
    }

    private static List<String> lines(String text) {
        List<String> lines = new java.util.ArrayList<>(text.replace("\r\n", "\n").lines()
                .map(Judge::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    private static List<String> tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    private static boolean floats(List<String> expected, List<String> actual, double tolerance) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            if (e.equals(a)) {
                continue;
            }
            BigDecimal x = number(e);
            BigDecimal y = number(a);
            if (x == null || y == null) {
                return false;
            }
            double diff = Math.abs(x.doubleValue() - y.doubleValue());
            if (diff > tolerance && diff > tolerance * Math.abs(x.doubleValue())) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(String token) {
        try {
            return new BigDecimal(token);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
