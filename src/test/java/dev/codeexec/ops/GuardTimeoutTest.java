package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.codeexec.support.Api;
import dev.codeexec.support.EngineProxy;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outer guard (fault tolerance's timeout) ends a request whose engine stalls: 504, and the run
 * is cancelled with it, so the container the stalled engine creates later is killed and removed, a
 * request that timed out while queued never creates one, and the slot is free again. The engine is
 * reached through a proxy the test holds; what was created is read from the engine's own events.
 */
@QuarkusTest
@TestProfile(GuardTimeoutTest.ShortGuard.class)
@ExtendWith(NoLeftoverContainers.class)
class GuardTimeoutTest {

    static final EngineProxy.Shared PROXY = EngineProxy.shared();
    static final String INSTANCE = System.getProperty("code-exec.docker.instance-id", "code-exec-test");

    /** The smallest guard the startup check allows: 2 s compile + 2 s of runs + 15 s. */
    public static class ShortGuard implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("code-exec.docker.host", "tcp://127.0.0.1:" + PROXY.port()),
                    Map.entry("code-exec.languages.enabled", "python"),
                    Map.entry("code-exec.pool.enabled", "false"),
                    Map.entry("code-exec.execution.max-concurrent", "1"),
                    Map.entry("code-exec.execution.queue", "2"),
                    Map.entry("code-exec.limits.timeout", "2s"),
                    Map.entry("code-exec.limits.max-timeout", "2s"),
                    Map.entry("code-exec.limits.compile-timeout", "2s"),
                    Map.entry("code-exec.limits.max-compile-timeout", "2s"),
                    Map.entry("code-exec.limits.max-total-run-time", "2s"),
                    Map.entry("code-exec.execution.guard-timeout-ms", "19000"));
        }
    }

    @Test
    void aStalledEngineIsA504AndTheRunsAreCancelledWithIt() throws Exception {
        Api.awaitReady();
        Api.run("python", "print(1)").then().statusCode(200).body("stdout", equalTo("1\n"));
        Api.sleep(1100);
        long since = System.currentTimeMillis() / 1000;
        PROXY.hold().run();
        long start = System.nanoTime();
        List<Integer> statuses;
        try {
            // One takes the slot and stalls on creating its container; the other waits in the queue.
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> Api.run("python", "print('late')"));
            Api.sleep(500);
            CompletableFuture<Response> queued = CompletableFuture.supplyAsync(() -> Api.run("python", "print('later')"));
            statuses = List.of(first.join().statusCode(), queued.join().statusCode());
        } finally {
            PROXY.release().run();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(504, 504), statuses);
        assertTrue(ms >= 18_000 && ms < 40_000, "answered after " + ms + " ms");
        // The held calls reach the engine now: the slot frees, and only the first request's container
        // was ever created (the queued one, cancelled by its timeout, never asks for one).
        boolean idle = false;
        for (int i = 0; i < 100 && !idle; i++) {
            Api.sleep(100);
            idle = given().get("/q/metrics").asString().contains("codeexec_runs_in_flight 0.0");
        }
        assertTrue(idle, "a cancelled run still holds its slot");
        Api.sleep(2000);
        assertEquals(1, created(since), "containers created after the engine stalled");
        Api.run("python", "print(2)").then().statusCode(200).body("stdout", equalTo("2\n"));
    }

    /** Containers of this instance the engine created since then (its event log, not ours). */
    private static int created(long since) throws Exception {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        try (DockerClient docker = DockerClientImpl.getInstance(config,
                new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build())) {
            List<Event> events = new CopyOnWriteArrayList<>();
            docker.eventsCmd().withSince(String.valueOf(since))
                    .withUntil(String.valueOf(System.currentTimeMillis() / 1000 + 1))
                    .withEventFilter("create")
                    .withLabelFilter(Map.of("dev.codeexec.instance", INSTANCE))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            events.add(event);
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
            return events.size();
        }
    }
}
