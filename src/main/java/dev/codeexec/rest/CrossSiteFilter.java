package dev.codeexec.rest;

import dev.codeexec.config.CodeExecConfig;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with 403, requests of the API that change something (every method but GET, HEAD and
 * OPTIONS) when they come from a browser page that is not the service's own: an Origin that is
 * neither one of the service's public origins nor in code-exec.http.allowed-origins, or
 * Sec-Fetch-Site: cross-site. A web page can send a POST without a CORS preflight (text/plain, a
 * Blob without type, a form), so without this any page a user of an internal network opens could
 * run programs here. The service's own origins are code-exec.http.public-origins, or, when none is
 * configured, the loopback forms (localhost, 127.0.0.1, [::1], any port): never the Host the client
 * sent, which a DNS-rebinding page controls. Clients that are no browsers send neither header.
 */
public class CrossSiteFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern LOOPBACK = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?");

    private final Set<String> allowed;
    private final Set<String> own;

    public CrossSiteFilter(CodeExecConfig config) {
        this.allowed = normalized(config.http().allowedOrigins());
        this.own = normalized(config.http().publicOrigins());
    }

    /** Pre-matching: before routing, so a cross-site request hears 403 whatever its path or type. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response sameSiteOnly(ContainerRequestContext ctx) {
        if (SAFE.contains(ctx.getMethod())) {
            return null;
        }
        String origin = ctx.getHeaderString("Origin");
        String normalized = origin == null ? null : normalize(origin);
        boolean crossSite = normalized != null && !isOwn(normalized)
                || "cross-site".equalsIgnoreCase(ctx.getHeaderString("Sec-Fetch-Site"));
        if (!crossSite || normalized != null && allowed.contains(normalized)) {
            return null;
        }
        return ExceptionMappers.problem(403, "Forbidden",
                "Cross-site requests are refused; allow the origin with code-exec.http.allowed-origins"
                        + " (or code-exec.http.public-origins for the service's own address)");
    }

    private boolean isOwn(String origin) {
        return own.isEmpty() ? LOOPBACK.matcher(origin).matches() : own.contains(origin);
    }

    private static Set<String> normalized(Optional<List<String>> origins) {
        return origins.orElse(List.of()).stream().map(CrossSiteFilter::normalize)
                .collect(Collectors.toUnmodifiableSet());
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
