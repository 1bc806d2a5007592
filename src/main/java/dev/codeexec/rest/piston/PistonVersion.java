package dev.codeexec.rest.piston;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime version as Piston clients expect it: plain {@code X.Y.Z}. Languages report theirs as
 * they please ("1:3.1", "25", "8.2.7-1+deb12u1", "go1.21.5"): an epoch is dropped, the first run of
 * up to three dot-separated numbers is taken, missing parts are 0, anything after them is dropped.
 */
record PistonVersion(long major, long minor, long patch) implements Comparable<PistonVersion> {

    private static final Pattern EPOCH = Pattern.compile("^\\s*\\d+:");
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final long MAX_PART = 999_999_999L;

    static PistonVersion normalise(String raw) {
        if (raw == null) {
            return new PistonVersion(0, 0, 0);
        }
        Matcher m = NUMBERS.matcher(EPOCH.matcher(raw).replaceFirst(""));
        if (!m.find()) {
            return new PistonVersion(0, 0, 0);
        }
        return new PistonVersion(part(m.group(1)), part(m.group(2)), part(m.group(3)));
    }

    private static long part(String digits) {
        if (digits == null) {
            return 0;
        }
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        return trimmed.length() > 9 ? MAX_PART : Long.parseLong(trimmed);
    }

    @Override
    public int compareTo(PistonVersion o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        return c != 0 ? c : Long.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
