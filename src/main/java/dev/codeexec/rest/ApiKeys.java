package dev.codeexec.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The configured API keys, kept only as SHA-256 digests and compared in constant time against
 * every key (so timing tells nothing about which key, or how much of one, matched). Keys are never
 * logged; rate-limit buckets are keyed by a digest prefix.
 */
final class ApiKeys {

    private final List<byte[]> digests;

    ApiKeys(List<String> keys) {
        this.digests = keys.stream().filter(k -> !k.isBlank()).map(k -> sha256(k.trim())).toList();
    }

    boolean enabled() {
        return !digests.isEmpty();
    }

    boolean matches(String presented) {
        byte[] candidate = sha256(presented == null ? "" : presented);
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    /**
     * The key a request presents: X-API-Key, else Judge0's X-Auth-Token, else an Authorization:
     * Bearer token, else null.
     */
    static String presented(UnaryOperator<String> header) {
        for (String name : new String[] {"X-API-Key", "X-Auth-Token"}) {
            String key = header.apply(name);
            if (key != null) {
                return key.trim();
            }
        }
        String auth = header.apply("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return null;
    }

    /** A short, non-reversible name for a key (for rate-limit buckets). */
    static String fingerprint(String key) {
        return HexFormat.of().formatHex(sha256(key == null ? "" : key), 0, 8);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
