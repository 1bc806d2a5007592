package dev.codeexec.rest.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.execution.ExecutionService;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Rejection;
import dev.codeexec.rest.ClientLimits;
import dev.codeexec.rest.ExceptionMappers;
import dev.codeexec.rest.Problem;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/** What every live channel shares: the one request path, the client limits, the metrics, the error answers. */
@Singleton
public class LiveRuns {

    private final ExecutionService executions;
    private final ClientLimits limits;
    private final Metrics metrics;
    private final ExceptionMappers errors;
    private final ObjectMapper json;
    private final long inputCap;
    private final Vertx vertx;

    public LiveRuns(ExecutionService executions, ClientLimits limits, Metrics metrics, CodeExecConfig config,
            ObjectMapper json, Vertx vertx) {
        this.vertx = vertx;
        this.executions = executions;
        this.limits = limits;
        this.metrics = metrics;
        this.json = json;
        this.errors = new ExceptionMappers(metrics, config);
        this.inputCap = config.limits().input().asLongValue();
    }

    /** A live run for a channel; {@code client} null when the channel counted it already. */
    public LiveSession session(LiveSession.Events events, String client) {
        return new LiveSession(this, events, client);
    }

    public Vertx vertx() {
        return vertx;
    }

    ExecutionService executions() {
        return executions;
    }

    Metrics metrics() {
        return metrics;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The most stdin bytes one live run takes in all (the request's input included): limits.input. */
    public long inputCap() {
        return inputCap;
    }

    /** Null when the client may start one more run (a token taken, a run counted), else why not. */
    public String admit(String client) {
        if (limits.rateLimit().enabled()) {
            ConsumptionProbe probe = limits.consume(client);
            if (!probe.isConsumed()) {
                metrics.rejected(Rejection.RATE_LIMITED);
                return "Rate limit of " + limits.rateLimit().requestsPerMinute() + " runs per minute exceeded";
            }
            if (!limits.occupy(client)) {
                metrics.rejected(Rejection.CLIENT_BUSY);
                return "Too many runs in flight for this client (at most " + limits.inFlightCap() + " at once)";
            }
        }
        return null;
    }

    public void release(String client) {
        if (limits.rateLimit().enabled()) {
            limits.release(client);
        }
    }

    public Response answer(Throwable failure) {
        return errors.answer(failure);
    }

    /** What POST /run would say of the failure (its problem's detail). */
    public String answerOf(Throwable failure) {
        return answer(failure).getEntity() instanceof Problem p ? p.detail() : "Internal error";
    }
}
