package dev.codeexec.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client of the service, as any client would be (the JDK's own): it sends text
 * messages, keeps every message it receives in order and the close code and reason. Waits are hang
 * guards only.
 */
public final class LiveClient implements AutoCloseable {

    /** Hang guard for one message or the close: far above any time seen under load. */
    public static final Duration GUARD = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = new ArrayList<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private WebSocket socket;

    private LiveClient() {
    }

    /** Connects to path (e.g. "/run/python/stream") on the test service with the given headers. */
    public static LiveClient open(String path, Map<String, String> headers) {
        return open(RestAssured.port, path, headers);
    }

    /** Connects to path on a service listening on the port. */
    public static LiveClient open(int port, String path, Map<String, String> headers) {
        LiveClient client = new LiveClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(GUARD);
        headers.forEach(builder::header);
        try {
            client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + path), client.new Listener())
                    .get(GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("handshake failed", e);
        }
        return client;
    }

    public static LiveClient open(String path) {
        return open(path, Map.of());
    }

    /** The HTTP status a refused handshake got (fails when the handshake succeeded). */
    public static int refusedHandshake(String path, Map<String, String> headers) {
        try (LiveClient client = open(path, headers)) {
            fail("the handshake was accepted");
            return 101;
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.ExecutionException x ? x.getCause() : e.getCause();
            if (cause instanceof CompletionException c) {
                cause = c.getCause();
            }
            if (cause instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    public LiveClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public LiveClient send(Object message) {
        try {
            return send(JSON.writeValueAsString(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message (fails after the guard). */
    public JsonNode next() {
        try {
            JsonNode m = messages.poll(GUARD.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(m, () -> "no message within " + GUARD + "; so far " + received());
            return m;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message of the given type, skipping others (fails at the close or after the guard). */
    public JsonNode next(String type) {
        while (true) {
            JsonNode m = next();
            if (type.equals(m.path("type").asText())) {
                return m;
            }
        }
    }

    /** Waits for the server's close; returns its code. */
    public int closeCode() {
        try {
            return closed.get(GUARD.toMillis(), TimeUnit.MILLISECONDS)[0];
        } catch (Exception e) {
            throw new AssertionError("no close within " + GUARD + "; messages " + received(), e);
        }
    }

    public String closeReason() {
        closeCode();
        return closeReason;
    }

    /** Every message received so far (after the close: all of them). */
    public synchronized List<JsonNode> received() {
        return List.copyOf(all);
    }

    /** The text of every message of this type (stdout/stderr data) joined. */
    public String text(String type) {
        StringBuilder out = new StringBuilder();
        received().stream().filter(m -> type.equals(m.path("type").asText())).forEach(m -> out.append(m.path("data").asText()));
        return out.toString();
    }

    /** Drops the connection without a close handshake (a client that vanishes). */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(partial.toString());
                    synchronized (LiveClient.this) {
                        all.add(m);
                    }
                    messages.add(m);
                } catch (Exception e) {
                    closed.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(new int[] {statusCode});
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
