package dev.codeexec.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live runs in the throughput mode, where one long-lived container serves request after request:
 * input, signals and compiled stages work as in the default mode, and nothing a client sends
 * reaches a later request's program, however late it comes.
 */
@QuarkusTest
@TestProfile(ThroughputProfile.class)
@ExtendWith(NoLeftoverContainers.class)
class LiveThroughputTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void aPromptIsAnsweredAndASignalStopsTheProgram() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(Map.of("code", "name = input('name? ')\nprint('hello', name)", "timeoutMs", 10_000));
            assertEquals("name? ", live.next("stdout").path("data").asText());
            live.send(Map.of("type", "stdin", "data", "Ada\n"));
            JsonNode result = live.next("result");
            assertEquals("name? hello Ada\n", result.path("stdout").asText());
        }
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(Map.of("code", "print('spinning', flush=True)\nwhile True: pass", "timeoutMs", 10_000));
            live.next("stdout");
            live.send(Map.of("type", "signal", "signal", "SIGKILL"));
            JsonNode result = live.next("result");
            assertEquals("RUNTIME_ERROR", result.path("status").asText(), result.toString());
            assertEquals("SIGKILL", result.path("signal").asText());
        }
    }

    @Test
    void aCompiledProgramReadsItsInputLive() {
        try (LiveClient live = LiveClient.open("/run/c/stream")) {
            live.send(Map.of("code", "#include <stdio.h>\nint main(void) { char b[64]; puts(\"ready\"); fflush(stdout);\n"
                    + "  if (fgets(b, sizeof b, stdin)) printf(\"got %s\", b); return 0; }", "timeoutMs", 10_000));
            assertEquals("compile", live.next("stage").path("stage").asText());
            assertEquals("ready\n", live.next("stdout").path("data").asText());
            live.send(Map.of("type", "stdin", "data", "line\n"));
            assertEquals("ready\ngot line\n", live.next("result").path("stdout").asText());
        }
    }

    @Test
    void pistonsConnectAndServerSentEventsWorkToo() {
        try (LiveClient live = LiveClient.open("/api/v2/connect")) {
            live.send(Map.of("type", "init", "language", "c", "version", "*", "run_timeout", 10_000, "files",
                    java.util.List.of(Map.of("content", "#include <stdio.h>\nint main(void) { char b[16]; "
                            + "if (fgets(b, sizeof b, stdin)) printf(\"<%s>\", b); return 0; }"))));
            assertEquals("compile", live.next("stage").path("stage").asText());
            assertEquals("run", live.next("stage").path("stage").asText());
            live.send(Map.of("type", "data", "stream", "stdin", "data", "x\n"));
            assertEquals("<x\n>", live.next("data").path("data").asText());
            assertEquals(0, live.next("exit").path("code").asInt());
            assertEquals(4999, live.closeCode());
        }
        String events = io.restassured.RestAssured.given().contentType("application/json").accept("text/event-stream")
                .body(Map.of("code", "print('streamed')", "timeoutMs", 10_000)).post("/run/python")
                .then().statusCode(200).extract().asString();
        assertEquals(true, events.contains("event:stdout") && events.contains("streamed") && events.contains("event:result"), events);
    }

    @Test
    void inputSentAfterItsRunEndedNeverReachesTheNextRequest() {
        for (int round = 0; round < 4; round++) {
            try (LiveClient early = LiveClient.open("/run/python/stream")) {
                early.send(Map.of("code", "print('done')", "timeoutMs", 10_000));
                // Sent while the run starts, runs and ends: whatever the program did not read is dropped.
                for (int i = 0; i < 50; i++) {
                    early.send(Map.of("type", "stdin", "data", "SECRET" + i + "\n"));
                }
                early.send(Map.of("type", "signal", "signal", "SIGTERM"));
                early.next("result");
            } catch (AssertionError | IllegalStateException gone) {
                // the server may close before every message went out: that is fine here
            }
            for (int next = 0; next < 2; next++) {
                try (LiveClient later = LiveClient.open("/run/python/stream")) {
                    later.send(Map.of("code", "import sys\nprint(repr(sys.stdin.read()))", "timeoutMs", 10_000));
                    later.send(Map.of("type", "eof"));
                    JsonNode result = later.next("result");
                    assertEquals("OK", result.path("status").asText(), result.toString());
                    assertEquals("''\n", result.path("stdout").asText(), "another request's input reached this one");
                }
            }
        }
    }

    @Test
    void aClientThatVanishesFreesItsWorker() {
        LiveClient gone = LiveClient.open("/run/python/stream");
        gone.send(Map.of("code", "import time\nprint('up', flush=True)\ntime.sleep(30)", "timeoutMs", 10_000));
        gone.next("stdout");
        gone.abort();
        Api.awaitMetrics("codeexec_runs_in_flight 0.0", "codeexec_live_sessions 0.0");
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(Map.of("code", "print('next')", "timeoutMs", 10_000));
            assertEquals("OK", live.next("result").path("status").asText());
        }
    }
}
