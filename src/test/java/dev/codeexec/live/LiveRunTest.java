package dev.codeexec.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service's own live run, GET /run/{language}/stream, as a client sees it: output while the
 * program runs, input while it waits, signals, the end of input, and the same statuses and limits
 * as POST /run. Waiting for a prompt before answering it is what proves the output was streamed:
 * a batch answer could not come before the input it needs.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class LiveRunTest {

    private static final Map<String, Object> TEN_SECONDS = Map.of("timeoutMs", 10_000);

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    static Map<String, Object> request(String code, Object... extra) {
        Map<String, Object> body = new java.util.HashMap<>(TEN_SECONDS);
        body.put("code", code);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @Test
    void aPromptArrivesBeforeTheInputItAsksFor() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("name = input('name? ')\nprint()\nprint('hello', name)"));
            assertEquals("run", live.next("stage").path("stage").asText());
            JsonNode prompt = live.next("stdout");
            assertEquals("name? ", prompt.path("data").asText());
            assertEquals("run", prompt.path("stage").asText());
            live.send(Map.of("type", "stdin", "data", "Ada\n"));
            JsonNode result = live.next("result");
            assertEquals("OK", result.path("status").asText());
            assertEquals("name? \nhello Ada\n", result.path("stdout").asText());
            assertEquals(result.path("stdout").asText(), live.text("stdout"), "the stream holds what the answer holds");
            assertEquals(1000, live.closeCode());
        }
    }

    @Test
    void stdinComesInPiecesAndEndsAtEof() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("import sys\ndata = sys.stdin.read()\nprint(repr(data))", "input", "first "));
            live.send(Map.of("type", "stdin", "data", "second\n"));
            live.send(Map.of("type", "stdin", "data", "third"));
            live.send(Map.of("type", "eof"));
            JsonNode result = live.next("result");
            assertEquals("OK", result.path("status").asText());
            assertEquals("'first second\\nthird'\n", result.path("stdout").asText());
            assertEquals(1000, live.closeCode());
        }
    }

    @Test
    void sigintReachesTheProgramWhichMayHandleIt() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("import signal, sys, time\n"
                    + "signal.signal(signal.SIGINT, lambda *a: (print('caught', flush=True), sys.exit(7)))\n"
                    + "print('ready', flush=True)\ntime.sleep(30)"));
            assertEquals("ready\n", live.next("stdout").path("data").asText());
            live.send(Map.of("type", "signal", "signal", "SIGINT"));
            JsonNode result = live.next("result");
            assertEquals("RUNTIME_ERROR", result.path("status").asText(), result.toString());
            assertEquals(7, result.path("exitCode").asInt());
            assertEquals("ready\ncaught\n", result.path("stdout").asText());
        }
    }

    @Test
    void anUnhandledSigintEndsPythonAsItWouldInATerminal() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("print('ready', flush=True)\ninput()"));
            live.next("stdout");
            live.send(Map.of("type", "signal", "signal", "SIGINT"));
            JsonNode result = live.next("result");
            assertEquals("SIGINT", result.path("signal").asText(), result.toString());
            assertEquals(130, result.path("exitCode").asInt());
            assertTrue(result.path("stderr").asText().contains("KeyboardInterrupt"), result.toString());
        }
    }

    @Test
    void sigkillStopsABusyLoopLongBeforeItsTimeLimit() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("print('spinning', flush=True)\nwhile True: pass"));
            live.next("stdout");
            live.send(Map.of("type", "signal", "signal", "SIGKILL"));
            JsonNode result = live.next("result");
            assertEquals("RUNTIME_ERROR", result.path("status").asText(), "stopped, not TIMEOUT: " + result);
            assertEquals("SIGKILL", result.path("signal").asText());
            assertEquals("spinning\n", result.path("stdout").asText());
        }
    }

    @Test
    void aSignalSentWithTheRequestReachesTheProgramWhenItStarts() {
        for (String language : new String[] {"python", "bash"}) {
            try (LiveClient live = LiveClient.open("/run/" + language + "/stream")) {
                live.send(request(language.equals("bash") ? "sleep 30" : "import time\ntime.sleep(30)"));
                live.send(Map.of("type", "signal", "signal", "SIGKILL"));
                JsonNode result = live.next("result");
                assertEquals("SIGKILL", result.path("signal").asText(), result.toString());
                assertEquals("RUNTIME_ERROR", result.path("status").asText(), "not a TIMEOUT: " + result);
            }
        }
    }

    @Test
    void waitingForInputCountsAgainstTheTimeLimitAndEarlierOutputIsKept() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(Map.of("code", "print('waiting', flush=True)\ninput()", "timeoutMs", 1000));
            assertEquals("waiting\n", live.next("stdout").path("data").asText());
            JsonNode result = live.next("result");
            assertEquals("TIMEOUT", result.path("status").asText());
            assertEquals("waiting\n", result.path("stdout").asText());
            assertEquals(1000, live.closeCode());
        }
    }

    @Test
    void theOutputCapHoldsForTheStream() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("import sys\nwhile True: sys.stdout.write('x' * 4096)"));
            JsonNode result = live.next("result");
            assertEquals("OUTPUT_LIMIT", result.path("status").asText());
            String streamed = live.text("stdout");
            assertEquals(result.path("stdout").asText().length(), streamed.length(), "nothing beyond what the answer keeps");
            assertTrue(streamed.length() <= 1 << 20, "streamed " + streamed.length() + " bytes past the 1 MiB cap");
            assertTrue(streamed.length() > 0);
        }
    }

    @Test
    void aCharacterSplitAcrossWritesArrivesWhole() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("import os, time\nfor b in 'é😀\\n'.encode():\n    os.write(1, bytes([b]))\n    time.sleep(0.02)"));
            JsonNode result = live.next("result");
            assertEquals("é😀\n", live.text("stdout"));
            assertFalse(live.text("stdout").contains("\uFFFD"));
            assertEquals("é😀\n", result.path("stdout").asText());
        }
    }

    @Test
    void aCompiledLanguageStreamsBothStages() {
        try (LiveClient live = LiveClient.open("/run/c/stream")) {
            live.send(request("#include <stdio.h>\nint main(void) { char b[64]; printf(\"name?\\n\"); fflush(stdout);\n"
                    + "  if (fgets(b, sizeof b, stdin)) printf(\"hi %s\", b); return 3; }"));
            assertEquals("compile", live.next("stage").path("stage").asText());
            assertEquals("run", live.next("stage").path("stage").asText());
            assertEquals("name?\n", live.next("stdout").path("data").asText());
            live.send(Map.of("type", "stdin", "data", "Grace\n"));
            JsonNode result = live.next("result");
            assertEquals("RUNTIME_ERROR", result.path("status").asText());
            assertEquals(3, result.path("exitCode").asInt());
            assertEquals("name?\nhi Grace\n", result.path("stdout").asText());
            assertEquals("OK", result.path("compile").path("status").asText());
        }
    }

    @Test
    void aCompileErrorIsStreamedFromTheCompileStage() {
        try (LiveClient live = LiveClient.open("/run/c/stream")) {
            live.send(request("int main(void) { return 0 }"));
            JsonNode result = live.next("result");
            assertEquals("COMPILE_ERROR", result.path("status").asText());
            List<JsonNode> compilerSaid = live.received().stream()
                    .filter(m -> m.path("type").asText().startsWith("std") && m.path("stage").asText().equals("compile")).toList();
            assertFalse(compilerSaid.isEmpty(), live.received().toString());
            assertTrue(live.received().stream().noneMatch(m -> m.path("stage").asText().equals("run")));
        }
    }

    @Test
    void refusalsNameWhatWasWrongAndCloseWith4000PlusTheHttpStatus() {
        refused("/run/python/stream", "{not json", 4400, "Malformed JSON");
        refused("/run/cobol/stream", "{\"code\":\"x\"}", 4400, "Language not supported");
        refused("/run/python/stream", "{\"code\":\"x\",\"tests\":[{\"input\":\"\",\"expectedOutput\":\"\"}]}", 4400, "tests");
        refused("/run/python/stream", "{\"code\":\"x\",\"timeoutMs\":999999}", 4400, "timeoutMs");
        refused("/run/python/stream", "{\"code\":\"x\",\"colour\":1}", 4400, "colour");
        refused("/run/python/stream", "[]", 4400, "JSON object");
    }

    private static void refused(String path, String first, int code, String named) {
        try (LiveClient live = LiveClient.open(path)) {
            live.send(first);
            JsonNode error = live.next("error");
            assertTrue(error.path("message").asText().contains(named), error.toString());
            assertEquals(code, live.closeCode());
        }
    }

    @Test
    void badControlMessagesEndTheRunWithAnError() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("type", "dance"), Map.of("type", "signal", "signal", "SIGNOPE"),
                Map.of("type", "stdin", "data", 5))) {
            try (LiveClient live = LiveClient.open("/run/python/stream")) {
                live.send(request("print('up', flush=True)\ninput()"));
                live.next("stdout");
                live.send(bad);
                live.next("error");
                assertEquals(4400, live.closeCode(), bad.toString());
            }
        }
        Api.awaitMetrics("codeexec_runs_in_flight 0.0", "codeexec_live_sessions 0.0");
    }

    @Test
    void stdinPastTheCapIsRefusedNotBuffered() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            live.send(request("print('up', flush=True)\ninput()"));
            live.next("stdout");
            String chunk = "y".repeat(600_000);
            live.send(Map.of("type", "stdin", "data", chunk));
            live.send(Map.of("type", "stdin", "data", chunk));
            JsonNode error = live.next("error");
            assertTrue(error.path("message").asText().contains("cap"), error.toString());
            assertEquals(4413, live.closeCode());
        }
    }

    @Test
    void aClientThatVanishesEndsItsRunAtOnce() {
        LiveClient live = LiveClient.open("/run/python/stream");
        live.send(request("import time\nprint('up', flush=True)\ntime.sleep(30)"));
        live.next("stdout");
        Api.awaitMetrics("codeexec_runs_in_flight 1.0", "codeexec_live_sessions 1.0");
        live.abort();
        Api.awaitMetrics("codeexec_runs_in_flight 0.0", "codeexec_live_sessions 0.0");
    }

    @Test
    void aConnectionWithoutARunRequestIsClosed() {
        try (LiveClient live = LiveClient.open("/run/python/stream")) {
            JsonNode error = live.next("error");
            assertTrue(error.path("message").asText().contains("No run request"), error.toString());
            assertEquals(4408, live.closeCode());
        }
    }
}
