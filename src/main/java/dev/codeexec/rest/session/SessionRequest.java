package dev.codeexec.rest.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.codeexec.rest.RunRequest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /sessions: a sandbox kept for this client. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "SessionRequest")
public record SessionRequest(
        @Schema(required = true, description = "A language id or alias; see GET /runtimes", examples = "python") String language,
        @Schema(description = "Default time limit of each command, program or cell, in ms") Integer timeoutMs,
        @Schema(description = "Memory limit of the whole session, in MiB") Integer memoryMb,
        @Schema(description = "The session ends when unused this long (ms; default 5 min)") Integer idleTimeoutMs,
        @Schema(description = "Files to start with, in the working directory") List<RunRequest.FileDto> files,
        @Schema(description = "Your own labels, given back as they came") Map<String, String> metadata) {
}
