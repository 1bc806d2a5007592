package dev.codeexec.rest.e2b;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The Connect protocol as E2B's envd speaks it (JSON codec): unary calls are plain JSON both ways,
 * errors {@code {"code": "...", "message": "..."}} with a matching HTTP status; a server stream is
 * a body of envelopes (a flag byte, a big-endian u32 length, JSON), ending with one of flag 2 that
 * holds the end of the stream ({@code {}} or an error).
 */
final class Connect {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STREAM_TYPE = "application/connect+json";

    /** A Connect error: its code (not_found, invalid_argument, ...) and message. */
    static final class Error extends RuntimeException {
        final String code;

        Error(String code, String message) {
            super(message);
            this.code = code;
        }

        int status() {
            return switch (code) {
                case "not_found" -> 404;
                case "invalid_argument", "failed_precondition", "out_of_range" -> 400;
                case "already_exists", "aborted" -> 409;
                case "unauthenticated" -> 401;
                case "permission_denied" -> 403;
                case "resource_exhausted" -> 429;
                case "unimplemented" -> 501;
                case "deadline_exceeded" -> 504;
                case "unavailable" -> 503;
                default -> 500;
            };
        }

        ObjectNode body() {
            return JSON.createObjectNode().put("code", code).put("message", getMessage());
        }
    }

    private Connect() {
    }

    static Response unary(JsonNode answer) {
        return Response.ok(answer.toString(), "application/json").build();
    }

    static Response error(Error e) {
        return Response.status(e.status()).type("application/json").entity(e.body().toString()).build();
    }

    /** The request message: a unary call's body, or the one envelope of a streaming call's. */
    static JsonNode message(byte[] body, String contentType) {
        try {
            if (contentType != null && contentType.startsWith(STREAM_TYPE)) {
                if (body.length < 5) {
                    throw new Error("invalid_argument", "no message in the stream");
                }
                int length = ByteBuffer.wrap(body, 1, 4).getInt();
                if (length < 0 || length > body.length - 5) {
                    throw new Error("invalid_argument", "the message is cut off");
                }
                return JSON.readTree(body, 5, length);
            }
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new Error("invalid_argument", "the message is not JSON: " + e.getMessage());
        }
    }

    /** One envelope of a stream: flag 0 for a message, 2 for the end of the stream. */
    static Buffer envelope(int flag, JsonNode message) {
        byte[] json = message.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Buffer.buffer(5 + json.length).appendByte((byte) flag).appendInt(json.length).appendBytes(json);
    }

    static Buffer end(Error error) {
        ObjectNode end = JSON.createObjectNode();
        if (error != null) {
            end.set("error", error.body());
        }
        return envelope(2, end);
    }
}
