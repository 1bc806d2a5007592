package dev.codeexec.rest.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.codeexec.rest.RunResponse;
import dev.codeexec.session.Cell;
import dev.codeexec.session.SessionRuns;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /sessions/{id}/run: the POST /run answer, and for a REPL cell its result, error and images. */
@Schema(name = "SessionRunResponse")
public record SessionRunResponse(
        @JsonUnwrapped RunResponse run,
        @Schema(description = "A cell's last expression's value, as the language shows it (repr, inspect)")
        @JsonInclude(JsonInclude.Include.NON_NULL) String result,
        @Schema(description = "A cell's uncaught exception") @JsonInclude(JsonInclude.Include.NON_NULL) Cell.Error error,
        @Schema(description = "A cell's figures (matplotlib), each a base64 PNG")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Image> images) {

    /** One figure of a cell. */
    public record Image(String mediaType, String contentBase64) {
    }

    static SessionRunResponse of(RunResponse run) {
        return new SessionRunResponse(run, null, null, List.of());
    }

    static SessionRunResponse of(String language, String version, Cell cell, long timeoutMs) {
        String status = SessionRuns.status(cell);
        String message = switch (cell.end()) {
            case DONE -> cell.error() == null ? cell.output() : cell.error().traceback();
            case OUTPUT_LIMIT -> "Output limit exceeded: the cell was interrupted";
            case TIMEOUT -> "Timeout of " + timeoutMs + " ms exceeded: the cell was interrupted";
            case REPL_ENDED -> "The REPL ended under the cell: its names are gone (the next cell starts a new one)";
        };
        RunResponse run = new RunResponse(language, version, status, null, null, cell.stdout(), cell.stderr(),
                cell.output(), message, cell.end() == Cell.End.OUTPUT_LIMIT, cell.wallTimeMs(), 0, 0, null, null, null);
        return new SessionRunResponse(run, cell.result(), cell.error(),
                cell.images().stream().map(png -> new Image("image/png", png)).toList());
    }
}
