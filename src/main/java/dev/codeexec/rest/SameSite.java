package dev.codeexec.rest;

import dev.codeexec.config.CodeExecConfig;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a browser sent a request from a page that is not the service's own: an Origin that is
 * neither one of the service's public origins nor in code-exec.http.allowed-origins, or
 * Sec-Fetch-Site: cross-site. The service's own origins are code-exec.http.public-origins, or, when
 * none is configured, the loopback forms (localhost, 127.0.0.1, [::1], any port): never the Host the
 * client sent, which a DNS-rebinding page controls. Clients that are no browsers send neither
 * header. Used for POSTs ({@link CrossSiteFilter}) and for WebSocket handshakes, which browsers send
 * with an Origin and never preflight.
 */
@Singleton
public class SameSite {

    /** What a refused request is told. */
    static final String REFUSAL = "Cross-site requests are refused; allow the origin with code-exec.http.allowed-origins"
            + " (or code-exec.http.public-origins for the service's own address)";

    private static final Pattern LOOPBACK = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?");

    private final Set<String> allowed;
    private final Set<String> own;

    public SameSite(CodeExecConfig config) {
        this.allowed = normalized(config.http().allowedOrigins());
        this.own = normalized(config.http().publicOrigins());
    }

    /** True when the request comes from another site's page and that site is not allowed. */
    public boolean crossSite(String origin, String fetchSite) {
        String normalized = origin == null ? null : normalize(origin);
        boolean crossSite = normalized != null && !isOwn(normalized) || "cross-site".equalsIgnoreCase(fetchSite);
        return crossSite && (normalized == null || !allowed.contains(normalized));
    }

    private boolean isOwn(String origin) {
        return own.isEmpty() ? LOOPBACK.matcher(origin).matches() : own.contains(origin);
    }

    private static Set<String> normalized(Optional<List<String>> origins) {
        return origins.orElse(List.of()).stream().map(SameSite::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Lower case, no trailing slash, no default port. */
    static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        if (o.startsWith("http://") && o.endsWith(":80")) {
            o = o.substring(0, o.length() - 3);
        } else if (o.startsWith("https://") && o.endsWith(":443")) {
            o = o.substring(0, o.length() - 4);
        }
        return o;
    }
}
