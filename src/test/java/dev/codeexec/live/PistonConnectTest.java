package dev.codeexec.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Piston's live protocol, /api/v2/connect, driven as a client written from Piston's documentation
 * would drive it: message types, their order, and each close code.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class PistonConnectTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private static Map<String, Object> init(String language, String content) {
        return Map.of("type", "init", "language", language, "version", "*", "files", List.of(Map.of("content", content)),
                "run_timeout", 10_000);
    }

    private static List<String> types(LiveClient live) {
        return live.received().stream().map(m -> m.path("type").asText() + (m.has("stage") ? ":" + m.path("stage").asText() : ""))
                .collect(Collectors.toList());
    }

    @Test
    void anInterpretedJobTakesStdinAndEndsWith4999() {
        try (LiveClient live = LiveClient.open("/api/v2/connect")) {
            live.send(init("python", "print('hi ' + input())"));
            JsonNode runtime = live.next("runtime");
            assertEquals("python", runtime.path("language").asText());
            assertTrue(runtime.path("version").asText().matches("\\d+\\.\\d+\\.\\d+"), runtime.toString());
            live.send(Map.of("type", "data", "stream", "stdin", "data", "there\n"));
            JsonNode exit = live.next("exit");
            assertEquals("run", exit.path("stage").asText());
            assertEquals(0, exit.path("code").asInt());
            assertTrue(exit.path("signal").isNull());
            assertEquals(4999, live.closeCode());
            assertEquals("Job Completed", live.closeReason());
            assertEquals("hi there\n", live.received().stream().filter(m -> m.path("type").asText().equals("data"))
                    .map(m -> m.path("data").asText()).collect(Collectors.joining()));
            assertEquals(List.of("runtime", "stage:run", "data", "exit:run"), types(live));
        }
    }

    @Test
    void aCompiledJobReportsEachStage() {
        try (LiveClient live = LiveClient.open("/api/v2/connect")) {
            live.send(init("c", "#include <stdio.h>\nint main(void) { fprintf(stderr, \"warn\\n\"); return 4; }"));
            assertEquals(4999, live.closeCode());
            assertEquals(List.of("runtime", "stage:compile", "exit:compile", "stage:run", "data", "exit:run"), types(live));
            JsonNode data = live.received().get(4);
            assertEquals("stderr", data.path("stream").asText());
            assertEquals("warn\n", data.path("data").asText());
            assertEquals(4, live.received().get(5).path("code").asInt());
        }
    }

    @Test
    void aSignalEndsTheJobAndIsReportedByName() {
        try (LiveClient live = LiveClient.open("/api/v2/connect")) {
            live.send(init("bash", "echo up; sleep 30"));
            assertEquals("up\n", live.next("data").path("data").asText());
            live.send(Map.of("type", "signal", "signal", "SIGKILL"));
            JsonNode exit = live.next("exit");
            assertTrue(exit.path("code").isNull(), exit.toString());
            assertEquals("SIGKILL", exit.path("signal").asText());
            assertEquals(4999, live.closeCode());
        }
    }

    @Test
    void withoutInitWithinOneSecondTheSocketCloses4001() {
        try (LiveClient live = LiveClient.open("/api/v2/connect")) {
            assertEquals(4001, live.closeCode());
            assertEquals("Initialization Timeout", live.closeReason());
        }
    }

    @Test
    void protocolErrorsCloseWithPistonsCodes() {
        closes(List.of(Map.of("type", "data", "stream", "stdin", "data", "x")), 4003, "Not yet Initialized");
        closes(List.of(Map.of("type", "signal", "signal", "SIGKILL")), 4003, "Not yet Initialized");
        closes(List.of(init("bash", "sleep 30"), init("bash", "sleep 30")), 4000, "Already Initialized");
        closes(List.of(init("bash", "sleep 30"), Map.of("type", "data", "stream", "stdout", "data", "x")), 4004,
                "Can only write to stdin");
        closes(List.of(init("bash", "sleep 30"), Map.of("type", "signal", "signal", "SIGNOPE")), 4005, "Invalid signal");
        Api.awaitMetrics("codeexec_runs_in_flight 0.0", "codeexec_live_sessions 0.0");
    }

    private static void closes(List<Map<String, Object>> messages, int code, String reason) {
        try (LiveClient live = LiveClient.open("/api/v2/connect")) {
            messages.forEach(live::send);
            assertEquals(code, live.closeCode(), messages.toString());
            assertEquals(reason, live.closeReason());
        }
    }

    @Test
    void anInvalidInitIsNotifiedThenClosed4002() {
        for (var bad : List.of(init("cobol", "x"), Map.of("type", "init", "language", "python", "version", "*"))) {
            try (LiveClient live = LiveClient.open("/api/v2/connect")) {
                live.send(bad);
                JsonNode error = live.next("error");
                assertTrue(error.path("message").asText().contains(bad.containsKey("files") ? "runtime is unknown" : "files"),
                        error.toString());
                assertEquals(4002, live.closeCode());
            }
        }
    }

    @Test
    void eofEndsStdinWhichPistonItselfCannot() {
        try (LiveClient live = LiveClient.open("/api/v2/connect")) {
            live.send(init("python", "import sys\nprint(len(sys.stdin.read()))"));
            live.send(Map.of("type", "data", "stream", "stdin", "data", "abc"));
            live.send(Map.of("type", "eof"));
            assertEquals("3\n", live.next("data").path("data").asText());
            assertEquals(0, live.next("exit").path("code").asInt());
            assertEquals(4999, live.closeCode());
        }
    }
}
