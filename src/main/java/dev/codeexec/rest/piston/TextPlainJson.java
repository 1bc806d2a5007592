package dev.codeexec.rest.piston;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * piston-client posts its JSON as text/plain, so POSTs to /api/v2/* read a text/plain body as JSON.
 * text/plain is what a page on any site may post without a CORS preflight; CrossSiteFilter refuses
 * such cross-site POSTs (403) before this filter runs, for every API path alike.
 */
public class TextPlainJson {

    @ServerRequestFilter(preMatching = true)
    public void filter(ContainerRequestContext ctx) {
        if (!HttpMethod.POST.equals(ctx.getMethod()) || !ctx.getUriInfo().getPath().startsWith("/api/v2/")) {
            return;
        }
        MediaType type = ctx.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    (charset == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.APPLICATION_JSON_TYPE.withCharset(charset))
                            .toString());
        }
    }
}
