package dev.codeexec.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /run with Accept: text/event-stream: the run told as it happens; without it, the answer of old. */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class RunEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    record Event(String name, JsonNode data) {
    }

    /** Reads "event:" / "data:" lines into events as they come. */
    private static Iterator<Event> events(Stream<String> lines) {
        Iterator<String> it = lines.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Event next() {
                String name = null;
                StringBuilder data = new StringBuilder();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty() && name != null) {
                        break;
                    }
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
                try {
                    return new Event(name, data.length() == 0 ? null : JSON.readTree(data.toString()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
    }

    private static HttpResponse<Stream<String>> post(String language, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/run/" + language))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    }

    @Test
    void eventsComeWhileTheProgramRunsThenTheResult() throws Exception {
        // The program blocks after its first line until its time limit: that line's event can only
        // have come while it ran.
        HttpResponse<Stream<String>> response = post("python",
                "{\"code\":\"import time\\nprint('first', flush=True)\\ntime.sleep(2)\\nprint('second')\",\"timeoutMs\":10000}");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(null), "proxies pass events on at once");
        Iterator<Event> events = events(response.body());
        Event stage = events.next();
        assertEquals("stage", stage.name());
        assertEquals("run", stage.data().path("stage").asText());
        Event first = events.next();
        assertEquals("stdout", first.name());
        assertEquals("first\n", first.data().path("data").asText());
        Api.awaitMetrics("codeexec_runs_in_flight 1.0", "codeexec_live_sessions 1.0");
        List<Event> rest = new ArrayList<>();
        while (events.hasNext()) {
            Event e = events.next();
            if (e.name() != null) {
                rest.add(e);
            }
        }
        assertEquals("second\n", rest.get(0).data().path("data").asText());
        Event result = rest.get(rest.size() - 1);
        assertEquals("result", result.name());
        assertEquals("OK", result.data().path("status").asText());
        assertEquals("first\nsecond\n", result.data().path("stdout").asText());
    }

    @Test
    void aCompiledLanguageStreamsItsCompileStageToo() throws Exception {
        HttpResponse<Stream<String>> response = post("c",
                "{\"code\":\"#include <stdio.h>\\nint main(void) { puts(\\\"compiled\\\"); return 0; }\",\"timeoutMs\":10000}");
        assertEquals(200, response.statusCode());
        List<String> names = new ArrayList<>();
        Event last = null;
        for (Iterator<Event> events = events(response.body()); events.hasNext(); ) {
            Event e = events.next();
            if (e.name() != null) {
                names.add(e.name() + (e.data().has("stage") ? ":" + e.data().path("stage").asText() : ""));
                last = e;
            }
        }
        assertEquals(List.of("stage:compile", "stage:run", "stdout:run", "result"), names);
        assertEquals("compiled\n", last.data().path("stdout").asText());
        assertEquals("OK", last.data().path("compile").path("status").asText());
    }

    @Test
    void aClientThatLeavesTheStreamEndsItsRun() throws Exception {
        HttpResponse<Stream<String>> response = post("python",
                "{\"code\":\"import time\\nprint('up', flush=True)\\ntime.sleep(30)\",\"timeoutMs\":10000}");
        Iterator<Event> events = events(response.body());
        events.next();
        assertEquals("up\n", events.next().data().path("data").asText());
        response.body().close();
        Api.awaitMetrics("codeexec_runs_in_flight 0.0", "codeexec_live_sessions 0.0");
    }

    @Test
    void aWrongRequestIsA400AsForPostRun() {
        given().contentType(ContentType.JSON).accept("text/event-stream").body("{\"code\":\"x\",\"timeoutMs\":999999}")
                .post("/run/python").then().statusCode(400).contentType(ContentType.JSON)
                .body("message", containsString("timeoutMs"));
        given().contentType(ContentType.JSON).accept("text/event-stream").body("{\"code\":\"x\"}")
                .post("/run/cobol").then().statusCode(400).contentType(ContentType.JSON);
        given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"code\":\"x\",\"tests\":[{\"input\":\"\"}]}")
                .post("/run/python").then().statusCode(400).body("message", containsString("tests"));
    }

    @Test
    void withoutTheEventStreamAcceptTheAnswerIsTheJsonOfOld() {
        for (String accept : new String[] {null, "*/*", "application/json"}) {
            var request = given().contentType(ContentType.JSON).body("{\"code\":\"print(6 * 7)\"}");
            if (accept != null) {
                request.accept(accept);
            }
            String body = request.post("/run/python").then().statusCode(200).contentType(ContentType.JSON)
                    .body("stdout", equalTo("42\n")).extract().asString();
            assertFalse(body.contains("event:"), body);
        }
    }
}
