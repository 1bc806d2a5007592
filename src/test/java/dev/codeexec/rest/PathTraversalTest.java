package dev.codeexec.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A path whose segments are dot segments, plain or percent-encoded, is answered 404 and never
 * reaches another resource (metrics, health, another API). Sent over a raw socket so no client
 * library normalizes the path first.
 */
@QuarkusTest
class PathTraversalTest {

    private static final List<String> PREFIXES = List.of("/run/", "/runtimes/", "/api/v2/", "/api/v2/execute/",
            "/submissions/", "/languages/", "/statuses/");
    private static final List<String> TRAVERSALS = List.of("%2e%2e/%2e%2e/q/metrics", "%2E%2E/%2E%2E/q/metrics",
            ".%2e/.%2e/q/metrics", "%2e./%2e./q/metrics", "../../q/metrics", "%2e%2e/%2e%2e/q/health",
            "%2e%2e/runtimes", "%2e/python", "..;/..;/q/metrics", "%2e%2e/%2e%2e/q/metrics?x=1");

    @Test
    void encodedDotSegmentsAre404OnEveryPrefix() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String traversal : TRAVERSALS) {
                for (String method : List.of("GET", "POST")) {
                    String answer = send(method, prefix + traversal);
                    String status = answer.length() >= 12 ? answer.substring(9, 12) : answer;
                    if (!status.equals("404") || answer.contains("# HELP") || answer.contains("\"checks\"")) {
                        wrong.add(method + " " + prefix + traversal + " -> " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void ordinaryPathsStillWork() throws IOException {
        assertEquals("200", send("GET", "/runtimes").substring(9, 12));
        assertEquals("200", send("GET", "/q/health/live").substring(9, 12));
        assertFalse(send("GET", "/statuses").startsWith("HTTP/1.1 404"));
    }

    private static String send(String method, String path) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String body = method.equals("POST") ? "{}" : "";
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
