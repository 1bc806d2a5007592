package dev.codeexec.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Rejection;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * API keys and per-client rate limits for the API (/run and /runtimes; never /q/*). A client is its
 * API key when keys are on, else its IP (X-Forwarded-For counts only from the proxies trusted by
 * quarkus.http.proxy.*). Limits come from Bucket4j token buckets, at most max-clients of them.
 */
public class ClientFilters {

    private static final String PROBE = "code-exec.rate-limit.probe";

    private final ApiKeys keys;
    private final Metrics metrics;
    private final CodeExecConfig.RateLimitConfig rateLimit;
    private final Cache<String, Bucket> buckets;

    public ClientFilters(CodeExecConfig config, Metrics metrics) {
        this.keys = new ApiKeys(config.apiKeys().orElse(java.util.List.of()));
        this.metrics = metrics;
        this.rateLimit = config.rateLimit();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(rateLimit.maxClients())
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext ctx) {
        if (!keys.enabled() || !guarded(ctx)) {
            return null;
        }
        if (keys.matches(ApiKeys.presented(ctx))) {
            return null;
        }
        metrics.rejected(Rejection.UNAUTHORIZED);
        return Response.fromResponse(ExceptionMappers.problem(401, "Unauthorized",
                "A valid API key is required (X-API-Key header or Authorization: Bearer)"))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response limit(ContainerRequestContext ctx, HttpServerRequest http) {
        if (!rateLimit.enabled() || !ctx.getMethod().equals("POST") || !guarded(ctx)) {
            return null;
        }
        String client = keys.enabled() ? "key:" + ApiKeys.fingerprint(ApiKeys.presented(ctx))
                : "ip:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        ConsumptionProbe probe = buckets.get(client, k -> newBucket()).tryConsumeAndReturnRemaining(1);
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

    private Bucket newBucket() {
        int n = rateLimit.requestsPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(n).refillGreedy(n, Duration.ofMinutes(1)).build())
                .build();
    }

    /** The API proper (ours and Piston's): not health, metrics, docs or the playground's files. */
    private static boolean guarded(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        return path.startsWith("/run") || path.startsWith("/runtimes") || path.startsWith("/api/v2/");
    }
}
