package dev.codeexec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.LiveClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service (target/quarkus-app) as a real process and stops it the way an
 * orchestrator does: SIGTERM (graceful) and SIGKILL (crash).
 */
class ShutdownIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();

    /** Stops every service this test started the graceful way, so each removes its containers. */
    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private Process start(String instance, int port, String... extraProperties) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + port,
                "-Dcode-exec.docker.instance-id=" + instance, "-Dcode-exec.rate-limit.enabled=false"));
        cmd.addAll(List.of(extraProperties));
        cmd.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        File log = new File("target/" + instance + "-" + started.size() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        started.add(p);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(250);
        }
        throw new AssertionError("service did not get ready; see " + log);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    private static CompletableFuture<HttpResponse<String>> run(int port, String code, int timeoutMs) {
        String body = "{\"code\": \"" + code + "\", \"timeoutMs\": " + timeoutMs + "}";
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/run/python"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> containers(String instance) throws Exception {
        Process p = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=dev.codeexec.instance=" + instance)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }

    private static void awaitContainer(String instance) throws Exception {
        for (int i = 0; i < 100 && containers(instance).isEmpty(); i++) {
            sleep(100);
        }
        assertTrue(!containers(instance).isEmpty(), "the run's container never appeared");
    }

    /** Waits until the service reports a run in flight (a pooled container may exist before any run). */
    private static void awaitRunInFlight(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (get(port, "/q/metrics").body().contains("codeexec_runs_in_flight 1.0")) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the run never started");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void sigtermRefusesNewRunsLetsInFlightOnesFinishAndLeavesNothing() throws Exception {
        String instance = "shutdown-it-graceful";
        int port = freePort();
        Process service = start(instance, port);
        CompletableFuture<HttpResponse<String>> inFlight =
                run(port, "import time; time.sleep(2); print('finished')", 8000);
        awaitRunInFlight(port);

        service.destroy(); // SIGTERM
        sleep(300);
        // Still listening (the run in flight keeps it up), and saying so: 503 with Retry-After, not a
        // closed port a client cannot tell from a crash.
        HttpResponse<String> refused = run(port, "print('too late')", 1000).get(5, TimeUnit.SECONDS);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().toString());
        HttpResponse<String> finished = inFlight.get(15, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode(), finished.body());
        assertTrue(finished.body().contains("\"stdout\":\"finished\\n\""), finished.body());
        assertTrue(service.waitFor(20, TimeUnit.SECONDS), "the service did not exit");
        assertEquals(List.of(), containers(instance));
    }

    /**
     * A live run open at SIGTERM is drained like a batch run (it may still take input and answer);
     * once every live connection has closed, the shutdown does not wait for the grace period (300 s
     * here: Quarkus 3.33 alone would count a closed WebSocket's upgrade request until then).
     */
    @Test
    void anOpenLiveRunIsDrainedAndClosedOnesHoldNothing() throws Exception {
        String instance = "shutdown-it-live";
        int port = freePort();
        Process service = start(instance, port, "-Dcode-exec.shutdown.grace-period=300s");
        try (LiveClient done = LiveClient.open(port, "/run/python/stream", java.util.Map.of())) {
            done.send(java.util.Map.of("code", "print('answered')"));
            assertEquals("answered\n", done.next("result").path("stdout").asText());
            assertEquals(1000, done.closeCode());
        }
        try (LiveClient open = LiveClient.open(port, "/run/python/stream", java.util.Map.of())) {
            open.send(java.util.Map.of("code", "print('ready', flush=True)\nprint('got', input())", "timeoutMs", 10_000));
            open.next("stdout");
            service.destroy(); // SIGTERM while the program waits for its input
            sleep(300);
            open.send(java.util.Map.of("type", "stdin", "data", "late\n"));
            assertEquals("ready\ngot late\n", open.next("result").path("stdout").asText());
        }
        assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the shutdown waited for closed WebSockets (grace 300 s)");
        assertEquals(List.of(), containers(instance));
    }

    @Test
    void runsOutlivingTheGracePeriodAreKilledAndRemoved() throws Exception {
        String instance = "shutdown-it-grace";
        int port = freePort();
        // A run far longer than the grace period: if it were not cut there, the service could not exit
        // within the hang guard below.
        Process service = start(instance, port, "-Dcode-exec.shutdown.grace-period=1s", "-Dcode-exec.limits.max-timeout=60s");
        run(port, "import time; time.sleep(120)", 60000);
        awaitRunInFlight(port);
        long start = System.nanoTime();
        service.destroy();
        assertTrue(service.waitFor(45, TimeUnit.SECONDS), "the service did not exit: the run was not cut at the grace period");
        System.out.println("exit after SIGTERM with a 60 s run in flight: " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals(List.of(), containers(instance));
    }

    @Test
    void afterACrashTheNextStartRemovesWhatTheDeadInstanceLeft() throws Exception {
        String instance = "shutdown-it-crash";
        int port = freePort();
        Process service = start(instance, port);
        run(port, "import time; time.sleep(30)", 10000);
        awaitRunInFlight(port);
        awaitContainer(instance);
        service.destroyForcibly(); // kill -9: no shutdown hook runs
        assertTrue(service.waitFor(10, TimeUnit.SECONDS));
        List<String> leftovers = containers(instance);
        assertTrue(!leftovers.isEmpty(), "the crash should have left the run and pool containers behind");

        start(instance, port);
        List<String> stillThere = new ArrayList<>(leftovers);
        stillThere.retainAll(containers(instance)); // the new instance's own warm pool may exist by now
        assertEquals(List.of(), stillThere, "the restart did not reap the leftovers");
        String metrics = get(port, "/q/metrics").body();
        assertTrue(metrics.matches("(?s).*codeexec_containers_reaped_total [1-9].*"), "reaped counter not raised");
    }
}
