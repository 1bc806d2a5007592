package dev.codeexec.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A burst of two-second runs against one slot and a queue of two: the runs that find no place are
 * refused with 503, Retry-After and a JSON body, and none of them runs. The engine's DNS resolver
 * is a local socket that never answers. How fast refusals come is the benchmark's to show
 * (bench/, docs/performance.md); here a wall-clock bound is only a hang guard.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
@TestProfile(RefusalLatencyTest.OneSlotSilentDns.class)
class RefusalLatencyTest {

    /** A DNS server that never answers. */
    static final DatagramSocket SILENT_DNS = silentDns();

    /** Hang guard per refusal: over 3x the slowest seen under load (medians 0.2-2 s on shared machines). */
    static final long HANG_GUARD_MS = 20_000;

    public static class OneSlotSilentDns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.execution.max-concurrent", "1", "code-exec.execution.queue", "2",
                    "code-exec.pool.enabled", "false",
                    "quarkus.vertx.resolver.servers", "127.0.0.1:" + SILENT_DNS.getLocalPort());
        }
    }

    @Test
    void refusalsOfABurstAnswerAtOnce() throws Exception {
        Api.awaitReady();
        burst(8, new long[8], new String[8]); // warm-up: the refusal path's classes load once, slowly
        int n = 60;
        long[] millis = new long[n];
        String[] answers = new String[n];
        burst(n, millis, answers);
        List<Long> refusals = new ArrayList<>();
        int ran = 0;
        for (int i = 0; i < n; i++) {
            String answer = answers[i];
            if (answer.startsWith("HTTP/1.1 503")) {
                refusals.add(millis[i]);
                assertTrue(answer.toLowerCase().contains("\r\nretry-after: "), "request " + i + ": " + answer);
                assertTrue(answer.toLowerCase().contains("\r\ncontent-type: application/json"), "request " + i + ": " + answer);
                assertTrue(answer.contains("\"status\":503"), "request " + i + ": " + answer);
                assertTrue(millis[i] < HANG_GUARD_MS, "request " + i + " answered after " + millis[i] + " ms");
            } else {
                assertTrue(answer.startsWith("HTTP/1.1 200"), "request " + i + ": " + answer);
                assertTrue(answer.contains("\"status\":\"OK\""), "request " + i + ": " + answer);
                ran++;
            }
        }
        // nothing refused ran: only the one running and the two queued (plus any that found the
        // slot free again, when the burst spread over more than a run on a loaded machine)
        assertTrue(ran >= 3, "one running and two queued must run, ran " + ran);
        assertTrue(refusals.size() >= n - 10, refusals.size() + " refused");
        Collections.sort(refusals);
        System.out.printf("refusals: %d, median %d ms, slowest %d ms%n", refusals.size(),
                refusals.get(refusals.size() / 2), refusals.get(refusals.size() - 1));
    }

    /**
     * With the one slot taken and both queue places held, a run is refused on its headers alone:
     * each API's client announces a body and never sends it, and still gets the 503 (without the
     * early check it would wait for the body until the body timeout answered 408).
     */
    @Test
    void aFullServiceRefusesBeforeTheBodyIsRead() throws Exception {
        Api.awaitReady();
        List<Thread> sleepers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String client = "X-Forwarded-For: 198.51.100." + (200 + i) + "\r\n";
            Thread t = new Thread(() -> post(client, null, new long[1], 0, "import time; time.sleep(4)"));
            t.start();
            sleepers.add(t);
        }
        Api.awaitMetrics("codeexec_runs_in_flight 1.0", "codeexec_runs_queued 2.0");
        for (String path : List.of("/run/python", "/api/v2/execute", "/submissions?wait=true")) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout((int) HANG_GUARD_MS);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nX-Forwarded-For: 198.51.100.250\r\n"
                        + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = Api.readJsonAnswer(socket);
                assertTrue(answer.startsWith("HTTP/1.1 503"), path + ": " + answer);
                assertTrue(answer.toLowerCase().contains("\r\nretry-after: "), path + ": " + answer);
                assertTrue(answer.contains("\"status\":503"), path + ": " + answer);
            }
        }
        for (Thread t : sleepers) {
            t.join();
        }
    }

    /** n clients connect, then all send a two-second run at once; each one's status and time to answer. */
    private static void burst(int n, long[] millis, String[] answers) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            // half of them one client, the other half each a client of its own (as a trusted proxy says)
            String forwarded = k % 2 == 0 ? "" : "X-Forwarded-For: 198.51.100." + k + "\r\n";
            Thread client = new Thread(() -> answers[k] = post(forwarded, start, millis, k, "import time; time.sleep(2)"));
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    /** POSTs a run in one write, once every client is connected (if start is given); returns the answer. */
    private static String post(String forwarded, CyclicBarrier start, long[] millis, int k, String code) {
        String body = "{\"code\": \"" + code + "\", \"timeoutMs\": 8000}";
        byte[] request = ("POST /run/python HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + forwarded + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            if (start != null) {
                start.await();
            }
            long t0 = System.nanoTime();
            socket.getOutputStream().write(request);
            String answer = Api.readJsonAnswer(socket);
            millis[k] = (System.nanoTime() - t0) / 1_000_000;
            return answer;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DatagramSocket silentDns() {
        try {
            return new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
