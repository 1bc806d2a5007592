package dev.codeexec.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.RateLimitConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Who a client is and what it may do, for every channel (HTTP requests through {@link ClientFilters},
 * WebSocket handshakes and live runs through rest/live): the API keys, each client's token bucket
 * (at most max-clients kept) and its runs in flight. A client is its API key when keys are on, else
 * its address (see {@link ClientAddress}).
 */
@Singleton
public class ClientLimits {

    private final ApiKeys keys;
    private final ClientAddress address;
    private final RateLimitConfig rateLimit;
    private final Cache<String, Bucket> buckets;
    private final InFlightLimit inFlight;

    public ClientLimits(CodeExecConfig config, ClientAddress address) {
        this.keys = new ApiKeys(config.apiKeys().orElse(java.util.List.of()));
        this.address = address;
        this.rateLimit = config.rateLimit();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(rateLimit.maxClients())
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
        this.inFlight = new InFlightLimit(rateLimit.maxInFlightPerClient()
                .orElse(Math.max(1, config.execution().maxConcurrent() / 2)));
    }

    /** True when keys are off or the request's headers present a valid one. */
    public boolean authorized(UnaryOperator<String> header) {
        return !keys.enabled() || keys.matches(ApiKeys.presented(header));
    }

    /** The client a request comes from: its key's fingerprint when keys are on, else its address. */
    public String client(UnaryOperator<String> header, HttpServerRequest http) {
        return keys.enabled() ? "key:" + ApiKeys.fingerprint(ApiKeys.presented(header)) : "ip:" + address.of(http);
    }

    public RateLimitConfig rateLimit() {
        return rateLimit;
    }

    /** Takes one token of the client's bucket (the probe tells whether it could). */
    public ConsumptionProbe consume(String client) {
        return buckets.get(client, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    }

    /** Counts one more run in flight for the client; false (nothing counted) at its cap. */
    public boolean occupy(String client) {
        return inFlight.tryAcquire(client);
    }

    /** One run of the client is over. */
    public void release(String client) {
        inFlight.release(client);
    }

    public int inFlightCap() {
        return inFlight.cap();
    }

    private Bucket newBucket() {
        int n = rateLimit.requestsPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(n).refillGreedy(n, Duration.ofMinutes(1)).build())
                .build();
    }
}
