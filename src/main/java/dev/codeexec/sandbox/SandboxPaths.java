package dev.codeexec.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * The one rule for every name under a sandbox's working directory, the same as the launcher's
 * (src/main/runtimes/base/launcher/paths.c): relative; components separated by '/', none empty,
 * "." or ".."; no NUL or other control character; at most {@link #MAX_BYTES} bytes of UTF-8,
 * {@link #MAX_DEPTH} components and {@link #MAX_COMPONENT_BYTES} bytes per component. The service
 * checks it before anything reaches a launcher; the launcher checks it again.
 */
public final class SandboxPaths {

    public static final int MAX_BYTES = 4096;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_COMPONENT_BYTES = 255;

    private SandboxPaths() {
    }

    /** Null when the path follows the rule, else why not (a phrase for an error message). */
    public static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "empty path";
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "path longer than " + MAX_BYTES + " bytes";
        }
        if (path.startsWith("/")) {
            return "absolute path";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return path.indexOf('\0') >= 0 ? "NUL in path" : "control character in path";
        }
        String[] parts = path.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            return "path deeper than " + MAX_DEPTH + " components";
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return "empty path component";
            }
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_BYTES) {
                return "path component longer than " + MAX_COMPONENT_BYTES + " bytes";
            }
            if (part.equals(".") || part.equals("..")) {
                return "'.' or '..' in path";
            }
        }
        return null;
    }
}
