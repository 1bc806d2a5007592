package dev.codeexec.rest.piston;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semver range, as Piston reads a request's {@code version}: node-semver's syntax for releases
 * ({@code 3.11.2}, {@code 3.11}, {@code 3}, {@code 3.x}, {@code *}, {@code >=3.10 <4}, {@code ~3.11},
 * {@code ^3}, {@code 3.9 - 3.11}, alternatives joined by {@code ||}). Pre-release ranges are not
 * understood: no runtime here has a pre-release version.
 */
final class VersionRange {

    private static final String PART = "(\\d+|[xX*])";
    private static final Pattern SIMPLE = Pattern.compile(
            "(<=|>=|<|>|=|~>?|\\^)?v?" + PART + "(?:\\." + PART + "(?:\\." + PART + ")?)?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");
    private static final Pattern SPACED_OPERATOR = Pattern.compile("(<=|>=|<|>|=|~>?|\\^)\\s+");
    private static final PistonVersion ZERO = new PistonVersion(0, 0, 0);

    private enum Op { LT, LE, GT, GE, EQ }

    private record Comparator(Op op, PistonVersion version) {
        boolean test(PistonVersion v) {
            int c = v.compareTo(version);
            return switch (op) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case EQ -> c == 0;
            };
        }
    }

    /** A version as written in a range: null parts are wildcards or missing. */
    private record Partial(Long major, Long minor, Long patch) {
        PistonVersion filled() {
            return new PistonVersion(major, minor == null ? 0 : minor, patch == null ? 0 : patch);
        }
    }

    /** Alternatives (||), each a set of comparators that must all hold. */
    private final List<List<Comparator>> alternatives;

    private VersionRange(List<List<Comparator>> alternatives) {
        this.alternatives = alternatives;
    }

    /** The range, or empty when the text is not one. */
    static Optional<VersionRange> parse(String text) {
        List<List<Comparator>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|", -1)) {
            List<Comparator> set = set(alternative.trim());
            if (set == null) {
                return Optional.empty();
            }
            alternatives.add(set);
        }
        return Optional.of(new VersionRange(alternatives));
    }

    boolean matches(PistonVersion version) {
        return alternatives.stream().anyMatch(set -> set.stream().allMatch(c -> c.test(version)));
    }

    private static List<Comparator> set(String text) {
        List<Comparator> set = new ArrayList<>();
        Matcher hyphen = HYPHEN.matcher(text);
        if (hyphen.matches()) {
            Partial from = partial(hyphen.group(1));
            Partial to = partial(hyphen.group(2));
            if (from == null || to == null) {
                return null;
            }
            add(set, from, ">=");
            add(set, to, "<=");
            return set;
        }
        text = SPACED_OPERATOR.matcher(text).replaceAll("$1");
        for (String token : text.isEmpty() ? new String[0] : text.split("\\s+")) {
            Matcher m = SIMPLE.matcher(token);
            if (!m.matches()) {
                return null;
            }
            add(set, partial(m), m.group(1) == null ? "=" : m.group(1));
        }
        return set;
    }

    private static Partial partial(String token) {
        Matcher m = SIMPLE.matcher(token);
        return m.matches() && m.group(1) == null ? partial(m) : null;
    }

    private static Partial partial(Matcher m) {
        Long major = number(m.group(2));
        Long minor = major == null ? null : number(m.group(3));
        Long patch = minor == null ? null : number(m.group(4));
        return new Partial(major, minor, patch);
    }

    private static Long number(String part) {
        if (part == null || part.equalsIgnoreCase("x") || part.equals("*")) {
            return null;
        }
        return PistonVersion.normalise(part).major();
    }

    /** Desugars one comparator of node-semver into plain bounds. */
    private static void add(List<Comparator> set, Partial p, String op) {
        Long major = p.major();
        Long minor = p.minor();
        Long patch = p.patch();
        if (major == null) {
            if (op.equals("<") || op.equals(">")) {
                set.add(new Comparator(Op.LT, ZERO));
            }
            return;
        }
        switch (op) {
            case "=" -> {
                if (patch != null) {
                    set.add(new Comparator(Op.EQ, p.filled()));
                } else {
                    set.add(new Comparator(Op.GE, p.filled()));
                    set.add(new Comparator(Op.LT, next(p)));
                }
            }
            case ">" -> set.add(patch != null ? new Comparator(Op.GT, p.filled()) : new Comparator(Op.GE, next(p)));
            case ">=" -> set.add(new Comparator(Op.GE, p.filled()));
            case "<" -> set.add(new Comparator(Op.LT, p.filled()));
            case "<=" -> set.add(patch != null ? new Comparator(Op.LE, p.filled()) : new Comparator(Op.LT, next(p)));
            case "~", "~>" -> {
                set.add(new Comparator(Op.GE, p.filled()));
                set.add(new Comparator(Op.LT, minor == null ? new PistonVersion(major + 1, 0, 0)
                        : new PistonVersion(major, minor + 1, 0)));
            }
            case "^" -> {
                set.add(new Comparator(Op.GE, p.filled()));
                PistonVersion upper;
                if (major > 0 || minor == null) {
                    upper = new PistonVersion(major + 1, 0, 0);
                } else if (minor > 0 || patch == null) {
                    upper = new PistonVersion(0, minor + 1, 0);
                } else {
                    upper = new PistonVersion(0, 0, patch + 1);
                }
                set.add(new Comparator(Op.LT, upper));
            }
            default -> throw new IllegalArgumentException(op);
        }
    }

    /** The first version above a partial one: 3 → 4.0.0, 3.11 → 3.12.0. */
    private static PistonVersion next(Partial p) {
        return p.minor() == null ? new PistonVersion(p.major() + 1, 0, 0) : new PistonVersion(p.major(), p.minor() + 1, 0);
    }
}
