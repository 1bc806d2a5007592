package dev.codeexec.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.codeexec.config.CodeExecConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds what one request can cost the HTTP tier before it reaches a resource:
 * a declared Content-Length over quarkus.http.limits.max-body-size gets a JSON 413 before any of
 * the body is read; a body without a Content-Length (chunked) is read here, and gets a JSON 413
 * as soon as it passes the limit (the HTTP layer's own 413 has no body), except a multipart one
 * (E2B's file uploads), which the resource's multipart reader takes from the stream itself under
 * the HTTP layer's limit; a body that has not
 * fully arrived within code-exec.http.body-timeout gets 408. Both close the connection, so
 * slow-drip and endless clients cannot hold the tier.
 */
@ApplicationScoped
public class RequestLimitsFilter {

    private final long maxBody;
    private final long bodyTimeoutMs;
    private final BodyHandler chunked;

    public RequestLimitsFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            CodeExecConfig config) {
        this.maxBody = maxBody.asLongValue();
        this.bodyTimeoutMs = config.http().bodyTimeout().toMillis();
        this.chunked = BodyHandler.create(false).setBodyLimit(this.maxBody);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard).failureHandler(this::tooLarge);
    }

    private void guard(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            reject(ctx, 413, "Content Too Large", "The body is over the limit of " + maxBody + " bytes");
            return;
        }
        if (!ctx.request().isEnded()) {
            long timer = ctx.vertx().setTimer(bodyTimeoutMs, id -> {
                // bytesRead: a body read by the resource's own reader can be complete while the
                // request is not marked ended yet (a run longer than the timeout got a 408 mid-run)
                if (!ctx.request().isEnded() && !arrived(ctx, length) && !ctx.response().ended()) {
                    reject(ctx, 408, "Request Timeout", "The body did not arrive within " + bodyTimeoutMs + " ms");
                }
            });
            ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
        if (length == null && !ctx.request().isEnded() && !multipart) {
            chunked.handle(ctx); // reads the body (the resource takes it from the context), then next()
        } else {
            ctx.next();
        }
    }

    /** BodyHandler fails the context with 413 when a chunked body passes the limit. */
    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            reject(ctx, 413, "Content Too Large", "The body is over the limit of " + maxBody + " bytes");
        } else {
            ctx.next();
        }
    }

    private static void reject(RoutingContext ctx, int status, String title, String detail) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"message\":\"" + detail + "\"}")
                .onComplete(sent -> ctx.request().connection().close());
    }

    private static boolean arrived(RoutingContext ctx, String length) {
        try {
            return length != null && ctx.request().bytesRead() >= Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
