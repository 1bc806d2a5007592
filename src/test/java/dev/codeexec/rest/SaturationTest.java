package dev.codeexec.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** With one slot and a queue of one, a third simultaneous run is refused with 503 + Retry-After. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(dev.codeexec.support.NoLeftoverContainers.class)
@TestProfile(SaturationTest.OneSlot.class)
class SaturationTest {

    public static class OneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.execution.max-concurrent", "1", "code-exec.execution.queue", "1");
        }
    }

    @Test
    void fullBulkheadAnswers503WithRetryAfter() throws Exception {
        Api.awaitReady();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> Api.run("python", "import time; time.sleep(1.5); print('done')")));
                Api.sleep(100);
            }
            int ok = 0;
            int refused = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                if (r.statusCode() == 200) {
                    assertEquals("done\n", r.jsonPath().getString("stdout"));
                    ok++;
                } else {
                    assertEquals(503, r.statusCode(), r.asString());
                    assertEquals("1", r.header("Retry-After"));
                    assertTrue(r.jsonPath().getString("message").contains("Too many runs"));
                    refused++;
                }
            }
            assertEquals(2, ok, "one running plus one queued");
            assertEquals(2, refused);
        } finally {
            pool.shutdownNow();
        }
        Api.run("python", "print('after')").then().statusCode(200);
    }

    /** A live run takes a slot as any run does: with the slot and the queue place held, a third is refused. */
    @Test
    void liveRunsCountInTheBulkhead() throws Exception {
        Api.awaitReady();
        try (LiveClient first = LiveClient.open("/run/python/stream");
                LiveClient second = LiveClient.open("/run/python/stream");
                LiveClient third = LiveClient.open("/run/python/stream")) {
            Map<String, Object> waits = Map.of("code", "import sys\nprint('up', flush=True)\nsys.stdin.read()", "timeoutMs", 10_000);
            first.send(waits);
            first.next("stdout");
            second.send(waits);
            Api.awaitMetrics("codeexec_runs_in_flight 1.0", "codeexec_runs_queued 1.0");
            third.send(waits);
            assertTrue(third.next("error").path("message").asText().contains("Too many runs"));
            assertEquals(4503, third.closeCode());
            first.send(Map.of("type", "eof"));
            assertEquals("OK", first.next("result").path("status").asText());
            second.next("stdout"); // the queued run got the slot
            second.send(Map.of("type", "eof"));
            assertEquals("OK", second.next("result").path("status").asText());
        }
        Api.awaitMetrics("codeexec_runs_in_flight 0.0", "codeexec_runs_queued 0.0");
    }

    @Test
    void clientDisconnectFreesTheSlotAndRemovesTheContainer() throws Exception {
        Api.awaitReady();
        try (dev.codeexec.support.RunLogCapture log = new dev.codeexec.support.RunLogCapture()) {
            try (java.net.Socket s = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
                String body = "{\"code\": \"import time; time.sleep(60)\", \"timeoutMs\": 10000}";
                s.getOutputStream().write(("POST /run/python HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                assertTrue(awaitInFlight(1, 30_000), "the abandoned run never started");
            } // the client goes away with the run in progress
            // With one slot, this runs only once the abandoned run gave its slot back.
            Api.run("python", "print('next')").then().statusCode(200)
                    .body("stdout", org.hamcrest.Matchers.equalTo("next\n"));
            // The slot came back because the run was cancelled, not because it reached its 10 s limit.
            List<String> runs = log.lines().stream().filter(l -> l.startsWith("run ")).toList();
            assertTrue(runs.stream().anyMatch(l -> l.contains("error=RunCancelledException"))
                    && runs.stream().noneMatch(l -> l.contains("status=TIMEOUT")),
                    "the abandoned run was not cancelled: " + runs);
        }
    }

    /**
     * Two runs on one HTTP/2 connection (one running, one queued), then the client goes away: both
     * are cancelled, not only the last one on the connection. Watched from outside, on the metrics.
     */
    @Test
    void clientGoingAwayCancelsEveryRunOfItsHttp2Connection() throws Exception {
        Api.awaitReady();
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient h2 = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false)
                    .setDefaultHost("localhost").setDefaultPort(io.restassured.RestAssured.port),
                    new io.vertx.core.http.PoolOptions().setHttp2MaxSize(1));
            String body = "{\"code\": \"import time; time.sleep(60)\", \"timeoutMs\": 10000}";
            for (int i = 0; i < 2; i++) {
                h2.request(io.vertx.core.http.HttpMethod.POST, "/run/python")
                        .compose(r -> r.putHeader("Content-Type", "application/json").send(body));
                Api.sleep(200);
            }
            assertTrue(awaitInFlight(1, 10_000), "the first run never started");
            Api.sleep(300);
            h2.close().toCompletionStage().toCompletableFuture().get();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        // Hang guard: the running run's own limit (10 s) would end it later than this.
        assertTrue(awaitInFlight(0, 7000), "the running run was not cancelled");
        Api.sleep(1500);
        assertTrue(awaitInFlight(0, 0), "the queued run started after its client was gone");
    }

    private static boolean awaitInFlight(int runs, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        do {
            if (io.restassured.RestAssured.get("/q/metrics").asString().contains("codeexec_runs_in_flight " + runs + ".0")) {
                return true;
            }
            Api.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return false;
    }
}
