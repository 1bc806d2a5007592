package dev.codeexec.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.codeexec.config.CodeExecConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds what one request can cost the HTTP tier before it reaches a resource:
 * a declared Content-Length over quarkus.http.limits.max-body-size gets a JSON 413 before any of
 * the body is read (the HTTP layer's own 413, still used for chunked bodies, has no body), and a
 * body that has not fully arrived within code-exec.http.body-timeout gets 408 and the connection
 * is closed, so slow-drip clients cannot hold the tier.
 */
@ApplicationScoped
public class RequestLimitsFilter {

    private final long maxBody;
    private final long bodyTimeoutMs;

    public RequestLimitsFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            CodeExecConfig config) {
        this.maxBody = maxBody.asLongValue();
        this.bodyTimeoutMs = config.http().bodyTimeout().toMillis();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            reject(ctx, 413, "Content Too Large", "The body is over the limit of " + maxBody + " bytes");
            return;
        }
        if (!ctx.request().isEnded()) {
            long timer = ctx.vertx().setTimer(bodyTimeoutMs, id -> {
                if (!ctx.request().isEnded() && !ctx.response().ended()) {
                    reject(ctx, 408, "Request Timeout", "The body did not arrive within " + bodyTimeoutMs + " ms");
                }
            });
            ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        }
        ctx.next();
    }

    private static void reject(RoutingContext ctx, int status, String title, String detail) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"message\":\"" + detail + "\"}")
                .onComplete(sent -> ctx.request().connection().close());
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
