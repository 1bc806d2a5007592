package dev.codeexec.rest.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.execution.Signals;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One WebSocket connection carrying a live run: JSON messages out in order, a refusal as an error
 * message and then a close with its code (the reason in the message: a close reason holds only
 * 123 bytes).
 */
public final class LiveChannel {

    private static final UserData.TypedKey<LiveSession> SESSION = new UserData.TypedKey<>("code-exec.live");

    private final WebSocketConnection connection;
    private final LiveRuns runs;

    public LiveChannel(WebSocketConnection connection, LiveRuns runs) {
        this.connection = connection;
        this.runs = runs;
    }

    public com.fasterxml.jackson.databind.ObjectMapper json() {
        return runs.json();
    }

    public ObjectNode message(String type) {
        return runs.json().createObjectNode().put("type", type);
    }

    /** Sends at once (in call order, from any thread); a connection gone meanwhile drops it. */
    public void send(ObjectNode message) {
        connection.sendText(text(message)).subscribe().with(ok -> {
        }, gone -> {
        });
    }

    /** Sends the message, then closes with the code. */
    public void sendAndClose(ObjectNode message, int code, String reason) {
        connection.sendText(text(message)).onFailure().recoverWithNull()
                .chain(() -> connection.close(new CloseReason(code, reason)))
                .subscribe().with(ok -> {
                }, gone -> {
                });
    }

    /** An error message naming what was wrong, then a close with the code. */
    public void refuse(int code, String message) {
        refuse(code, "refused", message);
    }

    public void refuse(int code, String reason, String message) {
        sendAndClose(message("error").put("message", message), code, reason);
    }

    public void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
        }, gone -> {
        });
    }

    /**
     * A new connection: its live session, with events this channel carries; when no run has started
     * {@code firstMessageMs} after the connection opened, {@code late} is told.
     */
    public static LiveSession open(WebSocketConnection connection, LiveRuns runs, Function<LiveChannel, LiveSession.Events> events,
            long firstMessageMs, Consumer<LiveChannel> late) {
        LiveChannel channel = new LiveChannel(connection, runs);
        LiveSession session = runs.session(events.apply(channel), connection.userData().get(LiveHandshake.CLIENT));
        connection.userData().put(SESSION, session);
        runs.vertx().setTimer(firstMessageMs, t -> {
            if (!session.started()) {
                late.accept(channel);
            }
        });
        return session;
    }

    /** The connection's live session. */
    public static LiveSession session(WebSocketConnection connection) {
        return connection.userData().get(SESSION);
    }

    /** What the own protocol's control messages reach: a running program's input, its end, signals. */
    public interface Controls {
        /** More input; false past the run's cap or after its end. */
        boolean stdin(String data);

        void endOfInput();

        void signal(int number);
    }

    /**
     * A {@code stdin}, {@code eof} or {@code signal} message of the own protocol (docs/live.md) for
     * the run; anything else is refused with its close code.
     */
    public void control(JsonNode message, Controls run, long inputCap) {
        String type = message.path("type").asText("");
        switch (type) {
            case "stdin" -> {
                JsonNode data = message.get("data");
                if (data == null || !data.isTextual()) {
                    refuse(4400, "Field 'data' of a stdin message must be a string");
                } else if (!run.stdin(data.asText())) {
                    refuse(4413, "Input past the run's cap of " + inputCap + " bytes (or after eof)");
                }
            }
            case "eof" -> run.endOfInput();
            case "signal" -> {
                int number = Signals.number(message.path("signal").asText(""));
                if (number == 0) {
                    refuse(4400, "Unknown signal '" + message.path("signal").asText("") + "'");
                } else {
                    run.signal(number);
                }
            }
            default -> refuse(4400, "Unknown message type '" + type + "'; expected stdin, eof or signal");
        }
    }

    /** A stage begins: {"type": "stage", "stage": ...}, in both protocols. */
    public void stage(String stage) {
        send(message("stage").put("stage", stage));
    }

    /** The connection closed (either side): its run ends, and graceful shutdown stops counting it. */
    public static void closed(WebSocketConnection connection) {
        LiveSession session = session(connection);
        if (session != null) {
            session.close();
        }
        Runnable done = connection.userData().get(LiveHandshake.CLOSED);
        if (done != null) {
            done.run();
        }
    }

    private String text(ObjectNode message) {
        try {
            return runs.json().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
