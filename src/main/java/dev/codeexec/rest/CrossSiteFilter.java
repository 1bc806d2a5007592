package dev.codeexec.rest;

import dev.codeexec.config.CodeExecConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with 403, requests of the API that change something (every method but GET, HEAD and
 * OPTIONS) when the browser says they come from another site: an Origin other than the service's
 * own (scheme://host[:port], as the client addressed it), or Sec-Fetch-Site: cross-site. A web
 * page can send a POST without a CORS preflight (text/plain, a Blob without type, a form), so
 * without this any page a user of an internal network opens could run programs here. Origins in
 * code-exec.http.allowed-origins are let through. Clients that are no browsers send neither header.
 */
public class CrossSiteFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> allowed;

    public CrossSiteFilter(CodeExecConfig config) {
        this.allowed = config.http().allowedOrigins().orElse(List.of()).stream()
                .map(CrossSiteFilter::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Pre-matching: before routing, so a cross-site request hears 403 whatever its path or type. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response sameSiteOnly(ContainerRequestContext ctx, HttpServerRequest http) {
        if (SAFE.contains(ctx.getMethod())) {
            return null;
        }
        String origin = ctx.getHeaderString("Origin");
        String normalized = origin == null ? null : normalize(origin);
        boolean crossSite = normalized != null && !normalized.equals(own(http))
                || "cross-site".equalsIgnoreCase(ctx.getHeaderString("Sec-Fetch-Site"));
        if (!crossSite || normalized != null && allowed.contains(normalized)) {
            return null;
        }
        return ExceptionMappers.problem(403, "Forbidden",
                "Cross-site requests are refused; allow the origin with code-exec.http.allowed-origins");
    }

    /** The service's own origin as the client addressed it (behind a trusted proxy: as the proxy says). */
    private static String own(HttpServerRequest http) {
        HostAndPort authority = http.authority();
        if (authority == null) {
            return "";
        }
        String port = authority.port() < 0 ? "" : ":" + authority.port();
        return normalize(http.scheme() + "://" + authority.host() + port);
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
