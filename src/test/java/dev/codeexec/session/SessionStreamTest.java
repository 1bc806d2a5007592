package dev.codeexec.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /sessions/{id}/stream: a session's command, program or cell live, in the protocol of
 * /run/{language}/stream: output while it runs, input while it waits, signals, then the result.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class SessionStreamTest {

    private static final Map<String, String> AS_CLIENT = Map.of("X-Forwarded-For", "10.23.0.1");
    private final Sessions client = new Sessions("10.23.0.1");

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @AfterEach
    void cleanUp() {
        client.close();
    }

    @Test
    void aCommandPromptsTakesItsAnswerAndTheFileStays() {
        String id = client.create("bash");
        try (LiveClient live = LiveClient.open("/sessions/" + id + "/stream", AS_CLIENT)) {
            live.send(Map.of("command", "printf 'name? '; read name; echo \"hi $name\" > greeting.txt; cat greeting.txt"));
            JsonNode prompt = live.next("stdout");
            assertEquals("name? ", prompt.path("data").asText(), "the prompt comes before any input is sent");
            live.send(Map.of("type", "stdin", "data", "Ada\n"));
            JsonNode result = live.next("result");
            assertEquals("OK", result.path("status").asText(), result.toString());
            assertEquals("name? hi Ada\n", result.path("stdout").asText());
            assertEquals(1000, live.closeCode());
        }
        assertEquals("hi Ada\n", client.as().get("/sessions/" + id + "/files/greeting.txt").asString());
    }

    @Test
    void aSignalStopsACommand() {
        String id = client.create("bash");
        try (LiveClient live = LiveClient.open("/sessions/" + id + "/stream", AS_CLIENT)) {
            live.send(Map.of("command", "echo up; sleep 60"));
            assertEquals("up\n", live.next("stdout").path("data").asText());
            live.send(Map.of("type", "signal", "signal", "SIGKILL"));
            JsonNode result = live.next("result");
            assertEquals("SIGKILL", result.path("signal").asText(), result.toString());
        }
    }

    @Test
    void aCellsOutputComesWhileItRunsAndItsNamesStay() {
        String id = client.create("python");
        try (LiveClient live = LiveClient.open("/sessions/" + id + "/stream", AS_CLIENT)) {
            live.send(Map.of("code", "import time\nx = 2\nprint('first', flush=True)\ntime.sleep(1)\nx * 21"));
            assertTrue(live.next("stdout").path("data").asText().startsWith("first"),
                    "output before the cell's end: " + live.received());
            JsonNode result = live.next("result");
            assertEquals("42", result.path("result").asText(), result.toString());
            assertEquals("first\n", live.text("stdout"));
        }
        assertEquals("2", client.code(id, "x").path("result"));
    }

    @Test
    void anotherClientsSessionAndBadRequestsAreRefused() {
        String id = client.create("bash");
        try (LiveClient live = LiveClient.open("/sessions/" + id + "/stream", Map.of("X-Forwarded-For", "10.23.0.2"))) {
            live.send(Map.of("command", "true"));
            assertEquals(4404, live.closeCode());
        }
        try (LiveClient live = LiveClient.open("/sessions/" + id + "/stream", AS_CLIENT)) {
            live.send(Map.of("command", "true", "code", "x"));
            assertEquals(4400, live.closeCode());
            assertTrue(live.received().toString().contains("exactly one"), live.received().toString());
        }
        try (LiveClient live = LiveClient.open("/sessions/0123456789abcdef0123-elsewhere/stream", AS_CLIENT)) {
            live.send(Map.of("command", "true"));
            assertEquals(4421, live.closeCode());
        }
    }
}
