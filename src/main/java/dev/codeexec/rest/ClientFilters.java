package dev.codeexec.rest;

import dev.codeexec.config.RateLimitConfig;
import dev.codeexec.execution.CurrentRunHold;
import dev.codeexec.execution.RunHold;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Rejection;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * API keys and per-client limits ({@link ClientLimits}) for the API's HTTP requests (/run and
 * /runtimes; never /q/*). Each client may have a few runs in flight at once, and start runs at a
 * rate given by a Bucket4j token bucket.
 */
public class ClientFilters {

    private static final String PROBE = "code-exec.rate-limit.probe";

    private final ClientLimits limits;
    private final Metrics metrics;
    private final RateLimitConfig rateLimit;
    private final CurrentRunHold hold;

    public ClientFilters(ClientLimits limits, Metrics metrics, CurrentRunHold hold) {
        this.limits = limits;
        this.hold = hold;
        this.metrics = metrics;
        this.rateLimit = limits.rateLimit();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext ctx) {
        if (!guarded(ctx) || limits.authorized(ctx::getHeaderString)) {
            return null;
        }
        metrics.rejected(Rejection.UNAUTHORIZED);
        return Response.fromResponse(ExceptionMappers.problem(401, "Unauthorized",
                "A valid API key is required (X-API-Key header or Authorization: Bearer)"))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /**
     * At most max-in-flight-per-client runs of one client at once, whether running or queued. The
     * count is released when the exchange has ended, however it ends (answered, failed, or abandoned
     * by the client: Vert.x ends the routing context on a close too), and the run it started is over:
     * a client that leaves while its run is queued keeps its count until the cancelled run has left
     * the queue (it creates no sandbox there), so leaving and asking again cannot pass the cap.
     */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION - 100)
    public Response occupy(ContainerRequestContext ctx, HttpServerRequest http, RoutingContext routing) {
        if (!limited(ctx)) {
            return null;
        }
        String client = client(ctx, http);
        if (!limits.occupy(client)) {
            metrics.rejected(Rejection.CLIENT_BUSY);
            return Response.fromResponse(ExceptionMappers.problem(429, "Too Many Requests",
                    "Too many runs in flight for this client (at most " + limits.inFlightCap() + " at once)"))
                    .header("Retry-After", 1)
                    .build();
        }
        RunHold held = new RunHold(() -> limits.release(client));
        hold.set(held);
        // Over when the answer's headers go out (so a client that reads its answer and asks again at
        // once finds its count released), or when the exchange ends without one (the client left).
        routing.addHeadersEndHandler(headers -> held.exchangeOver());
        routing.addEndHandler(ended -> held.exchangeOver());
        return null;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response limit(ContainerRequestContext ctx, HttpServerRequest http) {
        if (!limited(ctx)) {
            return null;
        }
        ConsumptionProbe probe = limits.consume(client(ctx, http));
        ctx.setProperty(PROBE, probe);
        if (probe.isConsumed()) {
            return null;
        }
        metrics.rejected(Rejection.RATE_LIMITED);
        long retry = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        Response.ResponseBuilder answer = Response.fromResponse(ExceptionMappers.problem(429, "Too Many Requests",
                "Rate limit of " + rateLimit.requestsPerMinute() + " runs per minute exceeded"))
                .header("Retry-After", retry);
        headers(probe).forEach(answer::header);
        return answer.build();
    }

    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBE) instanceof ConsumptionProbe probe && probe.isConsumed()) {
            headers(probe).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    private java.util.Map<String, Object> headers(ConsumptionProbe probe) {
        long reset = probe.getRemainingTokens() >= rateLimit.requestsPerMinute() ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForReset()));
        return java.util.Map.of("RateLimit-Limit", rateLimit.requestsPerMinute(),
                "RateLimit-Remaining", probe.getRemainingTokens(),
                "RateLimit-Reset", reset);
    }

    /** Runs (every POST of the API) are limited per client, unless rate limiting is off. */
    private boolean limited(ContainerRequestContext ctx) {
        return rateLimit.enabled() && ctx.getMethod().equals("POST") && guarded(ctx);
    }

    private String client(ContainerRequestContext ctx, HttpServerRequest http) {
        return limits.client(ctx::getHeaderString, http);
    }

    /**
     * The API proper (ours, sessions, Piston's, Judge0's, E2B's control plane; E2B's data plane is
     * authorised by each sandbox's access token instead): not health, metrics, docs or the
     * playground's files.
     */
    private static boolean guarded(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        return path.startsWith("/run") || path.startsWith("/runtimes") || path.startsWith("/api/v2/")
                || path.startsWith("/sessions") || path.startsWith("/v2/sandboxes") || path.startsWith("/sandboxes")
                || path.startsWith("/submissions") || path.startsWith("/languages") || path.startsWith("/statuses");
    }
}
