package dev.codeexec.rest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.execution.Outcome;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.rest.RunRequest;
import dev.codeexec.rest.RunResponse;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The service's own live run: {@code GET /run/{language}/stream} (WebSocket). The first message is a
 * POST /run body (without tests); then {@code stdin}, {@code eof} and {@code signal} messages. The
 * service sends {@code stage}, {@code stdout} / {@code stderr} (with their stage) as they come, then
 * one {@code result} (POST /run's answer) and a normal close; a refusal is an {@code error} message
 * and a close with 4000 + the HTTP status POST /run would have answered. See docs/live.md.
 */
@WebSocket(path = "/run/{language}/stream")
public class RunStream {

    /** How long a connection may stay open without its run request. */
    static final long FIRST_MESSAGE_MS = 10_000;

    private final LiveRuns runs;

    public RunStream(LiveRuns runs) {
        this.runs = runs;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        LiveChannel.open(connection, runs, Wire::new, FIRST_MESSAGE_MS,
                late -> late.refuse(4408, "No run request within " + FIRST_MESSAGE_MS / 1000 + " s of connecting"));
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        LiveSession session = LiveChannel.session(connection);
        LiveChannel channel = new LiveChannel(connection, runs);
        try {
            JsonNode message = runs.json().readTree(text);
            if (!session.started()) {
                RunRequest request = runs.json().treeToValue(message, RunRequest.class);
                if (request == null) {
                    channel.refuse(4400, "The first message must be a run request: a JSON object with code");
                } else if (request.tests() != null) {
                    channel.refuse(4400, "Field 'tests' is not taken on a live run; send test cases to POST /run");
                } else {
                    session.start(request.toExecution(connection.pathParam("language")), Metrics.Api.RUN);
                }
                return;
            }
            channel.control(message, session, runs.inputCap());
        } catch (Exception e) {
            channel.refuse(4000 + runs.answer(e).getStatus(), runs.answerOf(e));
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        LiveChannel.closed(connection);
    }

    /** Our own messages. */
    private record Wire(LiveChannel channel) implements LiveSession.Events {

        @Override
        public void stage(String stage) {
            channel.stage(stage);
        }

        @Override
        public void output(String stage, boolean stderr, String text) {
            channel.send(channel.message(stderr ? "stderr" : "stdout").put("stage", stage).put("data", text));
        }

        @Override
        public void ended(String stage, Integer code, String signal) {
            // the result message carries every figure of both stages
        }

        @Override
        public void finished(Outcome outcome) {
            ObjectNode result = channel.message("result");
            result.setAll((ObjectNode) channel.json().valueToTree(RunResponse.of(outcome)));
            channel.sendAndClose(result, 1000, "done");
        }

        @Override
        public void failed(int status, String message) {
            channel.refuse(4000 + status, message);
        }

    }
}
