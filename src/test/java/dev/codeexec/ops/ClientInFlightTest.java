package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two run slots and a queue of four: by default one client may have one run in flight (half the
 * slots), so it cannot take every slot and queue place. Its count is released however a run ends.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
@TestProfile(ClientInFlightTest.TwoSlots.class)
class ClientInFlightTest {

    public static class TwoSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.execution.max-concurrent", "2", "code-exec.execution.queue", "4",
                    "code-exec.rate-limit.enabled", "true", "code-exec.rate-limit.requests-per-minute", "1000");
        }
    }

    private static Response runAs(String client, String code) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("code", code)).post("/run/python");
    }

    @Test
    void aSecondRunOfTheSameClientIs429WhileTheFirstIsInFlight() throws Exception {
        Api.awaitReady();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> runAs("203.0.113.1", "import time; time.sleep(2); print('first')"));
        awaitARunInFlight();
        Response second = runAs("203.0.113.1", "print('second')");
        assertEquals(429, second.statusCode(), second.asString());
        assertEquals("application/json", second.contentType());
        assertEquals("1", second.header("Retry-After"));
        assertEquals("Too many runs in flight for this client (at most 1 at once)", second.jsonPath().getString("message"));
        // another client is not held back
        runAs("203.0.113.2", "print('other')").then().statusCode(200);
        assertEquals("first\n", first.get().jsonPath().getString("stdout"));
        // released on success: the client may run again
        runAs("203.0.113.1", "print('again')").then().statusCode(200);
        given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*codeexec_requests_rejected_total\\{reason=\"client_busy\"\\} [1-9].*"));
    }

    private static void awaitARunInFlight() {
        awaitGauge("codeexec_runs_in_flight", 1);
    }

    private static void awaitGauge(String gauge, int value) {
        Api.awaitMetrics(gauge + " " + value + ".0");
    }

    /** Sends a run on a raw connection and closes it once {@code whileConnected} has run: the client goes away. */
    private static void postAndLeave(String client, String code, Runnable whileConnected) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            String body = "{\"code\": \"" + code + "\", \"timeoutMs\": 10000}";
            s.getOutputStream().write(("POST /run/python HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + client + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            whileConnected.run();
        }
    }

    @Test
    void aClientThatLeavesWhileQueuedKeepsItsCountUntilTheQueuedRunIsOver() throws Exception {
        Api.awaitReady();
        String slow = "import time; time.sleep(4); print('done')";
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "203.0.113.10").body(Map.of("code", slow, "timeoutMs", 10000)).post("/run/python"));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "203.0.113.11").body(Map.of("code", slow, "timeoutMs", 10000)).post("/run/python"));
        awaitGauge("codeexec_runs_in_flight", 2);
        // both slots are taken: this client's run waits in the queue, and the client goes away
        postAndLeave("203.0.113.12", "print(1)", () -> awaitGauge("codeexec_runs_queued", 1));
        // its queued run is not over yet, so its count still holds: no second run past the cap
        Response again = runAs("203.0.113.12", "print('again')");
        assertEquals(429, again.statusCode(), again.asString());
        assertEquals(200, a.get().statusCode());
        assertEquals(200, b.get().statusCode());
        // the abandoned run left the queue without running; the count is released
        awaitGauge("codeexec_runs_queued", 0);
        awaitGauge("codeexec_runs_in_flight", 0);
        Response after = runAs("203.0.113.12", "print('welcome')");
        assertEquals(200, after.statusCode(), after.asString());
        assertEquals("welcome\n", after.jsonPath().getString("stdout"));
    }

    @Test
    void theCountIsReleasedOnErrorsAndWhenTheClientGoesAway() throws Exception {
        Api.awaitReady();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.3")
                    .body("{\"code\": \"x\", \"timeoutMs\": 0}").post("/run/python").then().statusCode(400);
        }
        for (int i = 0; i < 3; i++) {
            // gone mid-run; the count is released once the cancelled run's sandbox is gone
            postAndLeave("203.0.113.3", "import time; time.sleep(30)", () -> awaitGauge("codeexec_runs_in_flight", 1));
            awaitGauge("codeexec_runs_in_flight", 0);
        }
        Response after = runAs("203.0.113.3", "print('still welcome')");
        assertEquals(200, after.statusCode(), after.asString());
        assertTrue(after.jsonPath().getString("stdout").contains("still welcome"));
    }

    /** A live run counts as a run in flight of its client, from its request to its end. */
    @Test
    void aClientsLiveRunCountsAgainstItsRunsInFlight() {
        Api.awaitReady();
        try (LiveClient live = LiveClient.open("/run/python/stream", Map.of("X-Forwarded-For", "203.0.113.30"))) {
            live.send(Map.of("code", "import sys\nprint('up', flush=True)\nsys.stdin.read()", "timeoutMs", 10_000));
            live.next("stdout");
            Response batch = runAs("203.0.113.30", "print('second')");
            assertEquals(429, batch.statusCode(), batch.asString());
            try (LiveClient second = LiveClient.open("/run/python/stream", Map.of("X-Forwarded-For", "203.0.113.30"))) {
                second.send(Map.of("code", "print(1)"));
                assertEquals("Too many runs in flight for this client (at most 1 at once)", second.next("error").path("message").asText());
                assertEquals(4429, second.closeCode());
            }
            live.send(Map.of("type", "eof"));
            assertEquals("OK", live.next("result").path("status").asText());
        }
        awaitGauge("codeexec_runs_in_flight", 0);
        // the count went with the run: the client may run again
        runAs("203.0.113.30", "print('again')").then().statusCode(200);
    }
}
