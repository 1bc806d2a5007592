package dev.codeexec.rest.session;

import dev.codeexec.session.Session;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as its client sees it. */
@Schema(name = "Session")
public record SessionInfo(
        @Schema(description = "Its id: a random part, then the replica that holds it") String id,
        String language,
        String version,
        @Schema(description = "The replica that holds it") String replica,
        String createdAt,
        @Schema(description = "When it ends if nothing uses it before") String expiresAt,
        @Schema(description = "When it ends however busy (the lifetime cap)") String endsAt,
        long idleTimeoutMs,
        long timeoutMs,
        long memoryMb,
        @Schema(description = "True when code runs as REPL cells (Python, JavaScript, Ruby)") boolean repl,
        Map<String, Object> metadata) {

    static SessionInfo of(Session s, String replica, boolean repl) {
        return new SessionInfo(s.id(), s.runtime().language().id(), s.runtime().version(), replica,
                s.created().toString(), s.expiresAt().toString(), s.end().toString(), s.idleTimeout().toMillis(),
                s.limits().timeout().toMillis(), s.limits().run().memoryBytes() >> 20, repl, s.metadata());
    }
}
