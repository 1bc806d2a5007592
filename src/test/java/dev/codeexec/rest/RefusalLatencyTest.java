package dev.codeexec.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
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
 * refused at once, not after the work of the admitted ones or a lookup of any kind. The engine's
 * DNS resolver is a local socket that never answers, so a request that waits on DNS waits 5 s.
 * The bound is generous (2 s) because test machines are shared; real targets are the benchmark's.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
@TestProfile(RefusalLatencyTest.OneSlotSilentDns.class)
class RefusalLatencyTest {

    /** A DNS server that never answers. */
    static final DatagramSocket SILENT_DNS = silentDns();

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
        burst(8, new long[8], new int[8]); // warm-up: the refusal path's classes load once, slowly
        int n = 60;
        long[] millis = new long[n];
        int[] status = new int[n];
        burst(n, millis, status);
        List<Long> refusals = new ArrayList<>();
        int ran = 0;
        for (int i = 0; i < n; i++) {
            if (status[i] == 503) {
                refusals.add(millis[i]);
            } else {
                assertEquals(200, status[i], "request " + i);
                ran++;
            }
        }
        assertTrue(ran >= 3, "one running and two queued must run, ran " + ran);
        assertTrue(refusals.size() >= n - 10, refusals.size() + " refused");
        Collections.sort(refusals);
        long median = refusals.get(refusals.size() / 2);
        System.out.printf("refusals: %d, median %d ms, slowest %d ms%n", refusals.size(), median, refusals.get(refusals.size() - 1));
        assertTrue(median < 2000, "median refusal took " + median + " ms; all: " + refusals);
    }

    /** n clients connect, then all send a two-second run at once; each one's status and time to answer. */
    private static void burst(int n, long[] millis, int[] status) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            // half of them one client, the other half each a client of its own (as a trusted proxy says)
            String forwarded = k % 2 == 0 ? "" : "X-Forwarded-For: 198.51.100." + k + "\r\n";
            Thread client = new Thread(() -> status[k] = post(forwarded, start, millis, k));
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    /** POSTs a two-second run in one write, once every client is connected; returns the status. */
    private static int post(String forwarded, CyclicBarrier start, long[] millis, int k) {
        String body = "{\"code\": \"import time; time.sleep(2)\", \"timeoutMs\": 5000}";
        byte[] request = ("POST /run/python HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + forwarded + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            start.await();
            long t0 = System.nanoTime();
            socket.getOutputStream().write(request);
            int code = statusOf(socket.getInputStream());
            millis[k] = (System.nanoTime() - t0) / 1_000_000;
            return code;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int statusOf(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return Integer.parseInt(line.toString().split(" ")[1]);
    }

    private static DatagramSocket silentDns() {
        try {
            return new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
