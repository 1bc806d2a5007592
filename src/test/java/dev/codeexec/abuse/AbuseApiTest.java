package dev.codeexec.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attacks on the HTTP tier itself: slow clients and a storm of hostile requests. */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class AbuseApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void slowHeadersDoNotStopOthersFromBeingServed() throws Exception {
        // attack: 50 connections that send their request line and then a header byte now and then.
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket("localhost", RestAssured.port);
                s.getOutputStream().write("POST /run/python HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            for (int round = 0; round < 3; round++) {
                for (Socket s : slow) {
                    s.getOutputStream().write('a');
                }
                Api.run("python", "print('served')").then().statusCode(200)
                        .body("stdout", org.hamcrest.Matchers.equalTo("served\n"));
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void slowBodyIsCutOffWith408() throws Exception {
        // attack: declares a body and then trickles it (the test profile sets the body timeout to 2 s).
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(30_000); // the hang guard: the body timeout of the test profile is 2 s
            OutputStream out = s.getOutputStream();
            out.write(("POST /run/python HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"code\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = Api.readJsonAnswer(s);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"status\":408"), answer);
        }
        given().get("/q/health/live").then().statusCode(200);
    }

    /** A large body that arrived in full is no slow body, however long its run takes (here 3 s). */
    @Test
    void aLargeBodyWhoseRunOutlastsTheBodyTimeoutIsAnswered() {
        String tail = "\nimport time\ntime.sleep(3)\nprint('slept')\n";
        String code = "#" + "x".repeat(60 * 1024) + tail;
        Api.run("python", code, "timeoutMs", 10000).then().statusCode(200).body("stdout", equalTo("slept\n"));
    }

    @Test
    void twoHundredConcurrentRequestsWithHostileProgramsMixedIn() throws Exception {
        String[][] hostile = {
            {"python", "while True: pass"},
            {"python", "import os\nwhile True:\n    try: os.fork()\n    except OSError: pass"},
            {"javascript", "const a = []; for (;;) a.push('x'.repeat(1e6) + a.length)"},
            {"ruby", "loop { puts 'x' * 1000 }"},
            {"python", "import time; time.sleep(100)"},
        };
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        List<Boolean> isHello = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean hello = i % 4 == 0;
            String[] program = hello ? new String[] {"python", "print('hello')"} : hostile[i % hostile.length];
            String body = JSON.writeValueAsString(Map.of("code", program[1], "timeoutMs", 1000));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/run/" + program[0]))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            isHello.add(hello);
        }
        String metrics = given().get("/q/metrics").asString();
        int capacity = capacity(metrics, "slots") + capacity(metrics, "queue");
        int ran = 0;
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> r = answers.get(i).get();
            JsonNode json = JSON.readTree(r.body());
            if (r.statusCode() == 503) {
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), r.body());
                assertEquals("Too many runs in progress; try again shortly", json.get("message").asText(), r.body());
                continue;
            }
            assertEquals(200, r.statusCode(), r.body());
            ran++;
            if (isHello.get(i)) {
                assertEquals("OK", json.get("status").asText(), r.body());
                assertEquals("hello\n", json.get("stdout").asText(), r.body());
            } else {
                assertTrue(!json.get("status").asText().equals("OK"), r.body());
            }
        }
        // Every slot and queue place was used before anyone was refused (refusals only when full),
        // and the refusals were the bulkhead's (checked above), not the engine's or a timeout's.
        assertTrue(ran >= capacity, "only " + ran + " of " + capacity + " slots and queue places were used");
        assertTrue(ran < 200, "nobody was refused although 200 requests exceed " + capacity + " slots and queue places");
        // and a plain hello answers correctly right after the storm
        Api.run("python", "print('calm')").then().statusCode(200)
                .body("stdout", org.hamcrest.Matchers.equalTo("calm\n"));
    }

    private static int capacity(String metrics, String kind) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("codeexec_runs_capacity\\{kind=\"" + kind + "\"} (\\d+)")
                .matcher(metrics);
        assertTrue(m.find(), "no capacity gauge for " + kind);
        return Integer.parseInt(m.group(1));
    }
}
