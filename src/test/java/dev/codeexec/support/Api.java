package dev.codeexec.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Helpers for tests that talk to the running service over HTTP. */
public final class Api {

    private static volatile boolean ready;

    private Api() {
    }

    /**
     * Waits until readiness is UP: on a fresh engine the runtime images are built first, which
     * takes minutes. Fails the test if it takes longer than 15 minutes.
     */
    public static void awaitReady() {
        if (ready) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                ready = true;
                return;
            }
            sleep(500);
        }
        throw new AssertionError("service not ready: " + given().get("/q/health/ready").asString());
    }

    /** POSTs {"code": code} plus the extra fields to /run/{language}. */
    public static Response run(String language, String code, Object... extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return given().contentType(ContentType.JSON).body(body).post("/run/" + language);
    }

    /** Reads a raw HTTP answer from a socket up to the end of its (flat) JSON body. */
    public static String readJsonAnswer(java.net.Socket socket) throws java.io.IOException {
        StringBuilder answer = new StringBuilder();
        java.io.InputStream in = socket.getInputStream();
        int b;
        while ((b = in.read()) != -1) {
            answer.append((char) b);
            if (b == '}' && answer.indexOf("{") >= 0) {
                break;
            }
        }
        return answer.toString();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until the service's metrics hold every given line (e.g. "codeexec_runs_in_flight 1.0"):
     * a run has started, queued or ended. Hang guard 30 s, far more than that takes under load.
     */
    public static void awaitMetrics(String... lines) {
        String metrics = "";
        for (int i = 0; i < 600; i++) {
            metrics = io.restassured.RestAssured.get("/q/metrics").asString();
            if (java.util.Arrays.stream(lines).allMatch(metrics::contains)) {
                return;
            }
            sleep(50);
        }
        String runs = metrics.lines().filter(l -> l.startsWith("codeexec_runs_") || l.startsWith("codeexec_live_sessions")
                || l.startsWith("codeexec_requests_rejected_total")).collect(java.util.stream.Collectors.joining("; "));
        throw new AssertionError("the metrics never held all of " + java.util.List.of(lines) + "; last seen: " + runs);
    }
}
