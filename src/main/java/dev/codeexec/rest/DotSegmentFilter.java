package dev.codeexec.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Answers 404 to a path with a dot segment ("." or "..", plain or percent-encoded such as
 * %2e%2e), before any route sees it. Vert.x removes dot segments after decoding, so without this
 * /submissions/%2e%2e/%2e%2e/q/metrics would reach /q/metrics; no path of this service has one.
 */
@ApplicationScoped
public class DotSegmentFilter {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDotSegments);
    }

    private void refuseDotSegments(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && hasDotSegment(path)) {
            ctx.response().setStatusCode(404)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"No such path\",\"message\":\"No such path\"}");
            return;
        }
        ctx.next();
    }

    /** True when a segment of the raw (undecoded) path is "." or "..", in any encoding of the dots. */
    static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
