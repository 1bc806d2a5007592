package dev.codeexec.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with 403, requests of the API that change something (every method but GET, HEAD and
 * OPTIONS) when they come from another site's page ({@link SameSite}). A web page can send a POST
 * without a CORS preflight (text/plain, a Blob without type, a form), so without this any page a
 * user of an internal network opens could run programs here.
 */
public class CrossSiteFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final SameSite sameSite;

    public CrossSiteFilter(SameSite sameSite) {
        this.sameSite = sameSite;
    }

    /** Pre-matching: before routing, so a cross-site request hears 403 whatever its path or type. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response sameSiteOnly(ContainerRequestContext ctx) {
        if (SAFE.contains(ctx.getMethod())
                || !sameSite.crossSite(ctx.getHeaderString("Origin"), ctx.getHeaderString("Sec-Fetch-Site"))) {
            return null;
        }
        return ExceptionMappers.problem(403, "Forbidden", SameSite.REFUSAL);
    }
}
