package dev.codeexec.rest.piston;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LimitsConfig;
import dev.codeexec.execution.Outcome;
import dev.codeexec.execution.Signals;
import dev.codeexec.language.Runtime;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.rest.live.LiveChannel;
import dev.codeexec.rest.live.LiveRuns;
import dev.codeexec.rest.live.LiveSession;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Piston's live protocol, {@code /api/v2/connect}: an {@code init} within 1 s (else 4001), then
 * {@code data} (stdin only, else 4004) and {@code signal} (a known name, else 4005); a second init
 * closes with 4000, data or a signal before it with 4003, an invalid init with an error message and
 * 4002. The service sends {@code runtime}, then per stage {@code stage}, {@code data} as the program
 * writes and {@code exit}, and closes with 4999 after the last. Beyond Piston: the init's stdin is
 * written first, and {@code {"type":"eof"}} ends the program's stdin (Piston cannot).
 */
@WebSocket(path = "/api/v2/connect")
public class PistonConnect {

    private static final long INIT_MS = 1000;

    private final LiveRuns runs;
    private final PistonRuntimes runtimes;
    private final LimitsConfig caps;

    public PistonConnect(LiveRuns runs, PistonRuntimes runtimes, CodeExecConfig config) {
        this.runs = runs;
        this.runtimes = runtimes;
        this.caps = config.limits();
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        LiveChannel.open(connection, runs, Wire::new, INIT_MS, late -> late.close(4001, "Initialization Timeout"));
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        LiveSession session = LiveChannel.session(connection);
        LiveChannel channel = new LiveChannel(connection, runs);
        try {
            JsonNode message = runs.json().readTree(text);
            switch (message.path("type").asText("")) {
                case "init" -> {
                    if (session.started()) {
                        channel.close(4000, "Already Initialized");
                        return;
                    }
                    PistonExecuteRequest request = runs.json().treeToValue(message, PistonExecuteRequest.class);
                    request.check();
                    Runtime runtime = runtimes.resolve(request.language(), request.version());
                    var execution = request.toExecution(runtime.language(), caps, true);
                    channel.send(channel.message("runtime").put("language", runtime.language().id())
                            .put("version", PistonVersion.normalise(runtime.version()).toString()));
                    session.start(execution, Metrics.Api.PISTON);
                }
                case "data" -> {
                    if (!session.started()) {
                        channel.close(4003, "Not yet Initialized");
                    } else if (!"stdin".equals(message.path("stream").asText())) {
                        channel.close(4004, "Can only write to stdin");
                    } else if (!session.stdin(message.path("data").asText(""))) {
                        channel.refuse(4002, "Notified Error", "stdin past the job's cap of " + runs.inputCap() + " bytes");
                    }
                }
                case "signal" -> {
                    int number = Signals.number(message.path("signal").asText(""));
                    if (!session.started()) {
                        channel.close(4003, "Not yet Initialized");
                    } else if (number == 0 || !message.path("signal").asText("").startsWith("SIG")) {
                        channel.close(4005, "Invalid signal");
                    } else {
                        session.signal(number);
                    }
                }
                case "eof" -> session.endOfInput();
                default -> {
                    // Piston ignores other messages
                }
            }
        } catch (Exception e) {
            channel.refuse(4002, "Notified Error", runs.answerOf(e));
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        LiveChannel.closed(connection);
    }

    /** Piston's messages. */
    private record Wire(LiveChannel channel) implements LiveSession.Events {

        @Override
        public void stage(String stage) {
            channel.stage(stage);
        }

        @Override
        public void output(String stage, boolean stderr, String text) {
            channel.send(channel.message("data").put("stream", stderr ? "stderr" : "stdout").put("data", text));
        }

        @Override
        public void ended(String stage, Integer code, String signal) {
            channel.send(channel.message("exit").put("stage", stage).put("code", code).put("signal", signal));
        }

        @Override
        public void finished(Outcome outcome) {
            channel.close(4999, "Job Completed");
        }

        @Override
        public void failed(int status, String message) {
            channel.refuse(4002, "Notified Error", message);
        }

    }
}
