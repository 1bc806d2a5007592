package dev.codeexec.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns every meter of the service: names, tags and buckets live here and nowhere else. Tags are
 * bounded (language ids, statuses, fixed reasons and phases); no user data ever becomes a tag.
 * Exported at /q/metrics as {@code codeexec_*}.
 */
@ApplicationScoped
public class Metrics {

    public static final String EXECUTIONS = "codeexec.executions";
    public static final String EXECUTION_DURATION = "codeexec.execution.duration";
    public static final String CONTAINER_PHASE = "codeexec.container.phase";
    public static final String IN_FLIGHT = "codeexec.runs.in.flight";
    public static final String CAPACITY = "codeexec.runs.capacity";
    public static final String QUEUED = "codeexec.runs.queued";
    public static final String REJECTED = "codeexec.requests.rejected";
    public static final String REAPED = "codeexec.containers.reaped";
    public static final String RUNTIME_READY = "codeexec.runtime.ready";
    public static final String DOCKER_ERRORS = "codeexec.docker.errors";
    public static final String POOL_READY = "codeexec.pool.ready";
    public static final String VERDICTS = "codeexec.test.verdicts";
    public static final String COMPILE_CACHE = "codeexec.compile.cache";
    public static final String LIVE_SESSIONS = "codeexec.live.sessions";
    public static final String LIVE_FIRST_OUTPUT = "codeexec.live.first.output";
    public static final String SESSIONS = "codeexec.sessions";
    public static final String SESSIONS_ENDED = "codeexec.sessions.ended";

    private static final java.util.List<String> DOCKER_ERROR_KINDS =
            java.util.List.of("connect", "timeout", "server", "not_found", "conflict", "other");

    /** Buckets for wall times from 10 ms to 30 s. */
    private static final Duration[] RUN_BUCKETS = durations(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000);
    /** Buckets for one engine call. */
    private static final Duration[] PHASE_BUCKETS = durations(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000);

    /** Why a request was turned away. */
    public enum Rejection { SATURATED, RATE_LIMITED, CLIENT_BUSY, ENGINE_DOWN, NOT_READY, UNAUTHORIZED, SHUTTING_DOWN }

    /** The API a run came through: /run, Piston's /api/v2/execute or Judge0's /submissions. */
    public enum Api { RUN, PISTON, JUDGE0, SESSION }

    /** Why a session ended. */
    public enum SessionEnd { DELETED, IDLE, LIFETIME, GONE, SHUTDOWN }

    /** A container lifecycle call. */
    public enum Phase { CREATE, ATTACH, START, UPDATE, INSPECT, KILL, REMOVE }

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();
    private final Timer firstOutput;
    private final Map<String, AtomicInteger> ready = new ConcurrentHashMap<>();

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Runs executing in a container now").register(registry);
        Gauge.builder(QUEUED, queued, AtomicInteger::get)
                .description("Runs waiting for a free slot").register(registry);
        for (Rejection r : Rejection.values()) {
            rejectedCounter(r);
        }
        for (String kind : DOCKER_ERROR_KINDS) {
            dockerErrorCounter(kind);
        }
        Counter.builder(REAPED).description("Leftover containers removed at startup or shutdown").register(registry);
        Gauge.builder(LIVE_SESSIONS, live, AtomicInteger::get)
                .description("Live runs (WebSocket or event stream) open now, from the first request to the close")
                .register(registry);
        firstOutput = Timer.builder(LIVE_FIRST_OUTPUT)
                .description("Live runs: program start to its first output handed to the connection")
                .serviceLevelObjectives(PHASE_BUCKETS)
                .register(registry);
    }

    /** Counts the sessions open now (read when scraped). */
    public void sessions(java.util.function.Supplier<Number> open) {
        Gauge.builder(SESSIONS, open).description("Sessions open now (each holds a container)").register(registry);
    }

    /** A session ended, and why. */
    public void sessionEnded(SessionEnd why) {
        Counter.builder(SESSIONS_ENDED).tag("reason", why.name().toLowerCase())
                .description("Sessions ended, by reason (deleted, idle, lifetime, gone, shutdown)")
                .register(registry).increment();
    }

    /** A live run opened (+1) or closed (-1). */
    public void liveSessions(int delta) {
        live.addAndGet(delta);
    }

    /** From the moment a live run's program started to the moment its first output was handed to the client. */
    public void liveFirstOutput(long nanos) {
        firstOutput.record(Duration.ofNanos(nanos));
    }

    /** Declares the run slots, so dashboards can show in-flight against capacity. */
    public void capacity(int slots, int queue) {
        Gauge.builder(CAPACITY, () -> slots).tag("kind", "slots")
                .description("Run slots and queue places configured").register(registry);
        Gauge.builder(CAPACITY, () -> queue).tag("kind", "queue").register(registry);
    }

    public void executed(Api api, String language, String status, Duration wall) {
        Counter.builder(EXECUTIONS).tag("api", api.name().toLowerCase()).tag("language", language).tag("status", status)
                .description("Runs that happened, by API, language and status").register(registry).increment();
        Timer.builder(EXECUTION_DURATION).tag("language", language)
                .description("Wall-clock time of runs, container start to exit")
                .serviceLevelObjectives(RUN_BUCKETS)
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(wall);
    }

    /** A compilation looked up in the compile cache: found (hit) or not (miss). */
    public void compileCache(boolean hit) {
        Counter.builder(COMPILE_CACHE).tag("result", hit ? "hit" : "miss")
                .description("Compile cache look-ups, by result").register(registry).increment();
    }

    /** One judged test case's verdict. */
    public void verdict(String language, String verdict) {
        Counter.builder(VERDICTS).tag("language", language).tag("verdict", verdict)
                .description("Test cases judged, by language and verdict").register(registry).increment();
    }

    public void phase(Phase phase, long nanos) {
        Timer.builder(CONTAINER_PHASE).tag("phase", phase.name().toLowerCase())
                .description("Time of each container lifecycle call to the engine")
                .serviceLevelObjectives(PHASE_BUCKETS)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void rejected(Rejection reason) {
        rejectedCounter(reason).increment();
    }

    private Counter rejectedCounter(Rejection reason) {
        return Counter.builder(REJECTED).tag("reason", reason.name().toLowerCase())
                .description("Requests turned away, by reason").register(registry);
    }

    public void reaped(int count) {
        Counter.builder(REAPED).description("Leftover containers removed at startup or shutdown")
                .register(registry).increment(count);
    }

    public void runtimeReady(String language, boolean isReady) {
        ready.computeIfAbsent(language, l -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(RUNTIME_READY, value, AtomicInteger::get).tag("language", l)
                    .description("1 when the language's image is provisioned").register(registry);
            return value;
        }).set(isReady ? 1 : 0);
    }

    /** kind: connect, timeout, server, not_found, conflict, other (see DockerErrors). */
    public void dockerError(String kind) {
        dockerErrorCounter(kind).increment();
    }

    private Counter dockerErrorCounter(String kind) {
        return Counter.builder(DOCKER_ERRORS).tag("kind", kind)
                .description("Failed calls to the Docker engine, by kind").register(registry);
    }

    /** Warm containers ready for a language. */
    public void poolSize(String language, java.util.function.Supplier<Number> size) {
        Gauge.builder(POOL_READY, size).tag("language", language)
                .description("Warm containers ready for a run").register(registry);
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Runs waiting for a slot. */
    public int queued() {
        return queued.get();
    }

    public void queuedRun() {
        queued.incrementAndGet();
    }

    public void leftQueue() {
        queued.decrementAndGet();
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    private static Duration[] durations(long... millis) {
        Duration[] out = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            out[i] = Duration.ofMillis(millis[i]);
        }
        return out;
    }
}
