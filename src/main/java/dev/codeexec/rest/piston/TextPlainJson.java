package dev.codeexec.rest.piston;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * piston-client posts its JSON as text/plain, so POSTs to /api/v2/* read a text/plain body as JSON.
 * text/plain is what a page on any site may post without a CORS preflight, so such a POST from a
 * browser on another site is refused with 403: an {@code Origin} that is neither this service's own
 * nor listed in {@code quarkus.http.cors.origins}, or {@code Sec-Fetch-Site: cross-site/same-site}
 * without an allowed Origin. Clients outside browsers send neither header and pass.
 */
public class TextPlainJson {

    private final List<String> allowed;

    public TextPlainJson(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.allowed = origins.orElse(List.of());
    }

    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext ctx, HttpServerRequest http) {
        if (!HttpMethod.POST.equals(ctx.getMethod()) || !ctx.getUriInfo().getPath().startsWith("/api/v2/")) {
            return null;
        }
        String origin = ctx.getHeaderString("Origin");
        String site = ctx.getHeaderString("Sec-Fetch-Site");
        boolean allowedOrigin = origin != null && (sameOrigin(origin, http) || listed(origin));
        boolean crossSite = origin != null ? !allowedOrigin
                : site != null && (site.equals("cross-site") || site.equals("same-site"));
        if (crossSite) {
            return PistonError.response(403, "Cross-site requests are refused: this origin is not allowed");
        }
        MediaType type = ctx.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    (charset == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.APPLICATION_JSON_TYPE.withCharset(charset))
                            .toString());
        }
        return null;
    }

    private boolean listed(String origin) {
        for (String entry : allowed) {
            if (entry.equals("*") || entry.equals(origin)
                    || entry.length() > 2 && entry.startsWith("/") && entry.endsWith("/")
                    && Pattern.matches(entry.substring(1, entry.length() - 1), origin)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Origin names the host this request was addressed to (Host, or X-Forwarded-Host from a
     * trusted proxy). A Host without a port matches either default port, so a TLS-terminating proxy
     * that forwards plain HTTP still counts as the same origin.
     */
    private static boolean sameOrigin(String origin, HttpServerRequest http) {
        HostAndPort authority = http.authority();
        if (authority == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))
                    || !uri.getHost().equalsIgnoreCase(authority.host())) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return authority.port() < 0 ? port == 80 || port == 443 : port == authority.port();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
