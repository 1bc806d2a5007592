package dev.codeexec.rest.e2b;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.session.Cell;
import dev.codeexec.session.Session;
import dev.codeexec.session.SessionRuns;
import dev.codeexec.session.Sessions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * The code interpreter's API (E2B's port 49999): /execute runs a cell in a context (the session's
 * REPL contexts) and answers with its events as JSON lines; /contexts makes, lists, restarts and
 * removes contexts. A context speaks the session's language only: one sandbox, one runtime image.
 */
@Path("/")
public class E2bInterpreter {

    /** A cell's time limit: E2B's client waits 60 s for a cell by default. */
    private static final Duration CELL_TIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> LANGUAGES = Map.of("python", "python", "js", "javascript",
            "javascript", "javascript", "ts", "javascript", "ruby", "ruby");

    private final E2bData data;
    private final SessionRuns runs;
    private final Sessions sessions;
    private final E2bErrors errors;

    public E2bInterpreter(E2bData data, SessionRuns runs, Sessions sessions, E2bErrors errors) {
        this.data = data;
        this.runs = runs;
        this.sessions = sessions;
        this.errors = errors;
    }

    @POST
    @Path("execute")
    @Consumes(MediaType.WILDCARD)
    @Produces("application/x-ndjson")
    public Response execute(byte[] body, @Context HttpHeaders headers) {
        return errors.api(() -> {
            Session session = data.session(headers);
            E2bState state = E2bSandboxes.state(session);
            JsonNode request = Connect.message(body, "application/json");
            String context = request.hasNonNull("context_id") ? request.path("context_id").asText()
                    : SessionRuns.DEFAULT_CONTEXT;
            if (!context.equals(SessionRuns.DEFAULT_CONTEXT) && !state.contexts.containsKey(context)) {
                throw new dev.codeexec.session.SessionNotFoundException("context " + context);
            }
            if (request.hasNonNull("language")) {
                language(session, request.path("language").asText());
            }
            Duration limit = sessions.timeout(null, CELL_TIME.compareTo(sessions.config().maxTimeout()) < 0 ? CELL_TIME
                    : sessions.config().maxTimeout());
            Cell cell = runs.cell(session, context, request.path("code").asText(), (int) limit.toMillis());
            return Response.ok(lines(cell, limit)).build();
        });
    }

    @POST
    @Path("contexts")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, @Context HttpHeaders headers) {
        return errors.api(() -> {
            Session session = data.session(headers);
            JsonNode request = Connect.message(body, "application/json");
            String language = language(session, request.path("language").asText(null));
            E2bState.Context context = new E2bState.Context(HexFormat.of().formatHex(id()), language, E2bPaths.HOME);
            E2bSandboxes.state(session).contexts.put(context.id(), context);
            return Response.ok(json(context).toString()).build();
        });
    }

    @GET
    @Path("contexts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@Context HttpHeaders headers) {
        return errors.api(() -> {
            Session session = data.session(headers);
            ArrayNode all = Connect.JSON.createArrayNode();
            all.add(json(new E2bState.Context(SessionRuns.DEFAULT_CONTEXT, session.runtime().language().id(),
                    E2bPaths.HOME)));
            E2bSandboxes.state(session).contexts.values().forEach(c -> all.add(json(c)));
            return Response.ok(all.toString()).build();
        });
    }

    @DELETE
    @Path("contexts/{id}")
    public Response remove(@PathParam("id") String id, @Context HttpHeaders headers) {
        return errors.api(() -> {
            Session session = data.session(headers);
            if (E2bSandboxes.state(session).contexts.remove(id) == null && !id.equals(SessionRuns.DEFAULT_CONTEXT)) {
                throw new dev.codeexec.session.SessionNotFoundException("context " + id);
            }
            runs.endContext(session, id);
            return Response.noContent().build();
        });
    }

    @POST
    @Path("contexts/{id}/restart")
    @Consumes(MediaType.WILDCARD)
    public Response restart(@PathParam("id") String id, @Context HttpHeaders headers) {
        return errors.api(() -> {
            Session session = data.session(headers);
            if (!id.equals(SessionRuns.DEFAULT_CONTEXT) && !E2bSandboxes.state(session).contexts.containsKey(id)) {
                throw new dev.codeexec.session.SessionNotFoundException("context " + id);
            }
            runs.endContext(session, id);
            return Response.noContent().build();
        });
    }

    /** The session's language, when the requested one (E2B's names: python, js, ...) is it or absent. */
    private static String language(Session session, String requested) {
        String own = session.runtime().language().id();
        if (requested == null || requested.isBlank() || own.equals(LANGUAGES.get(requested))) {
            return requested == null || requested.isBlank() ? own : requested;
        }
        throw new dev.codeexec.execution.InvalidExecutionException("this sandbox runs " + own
                + "; a context of " + requested + " needs a sandbox of that language (template " + requested + ")");
    }

    /** The cell's events, one JSON object per line, in the order E2B's interpreter sends them. */
    private static String lines(Cell cell, Duration limit) {
        StringBuilder out = new StringBuilder();
        if (!cell.stdout().isEmpty()) {
            out.append(line(Connect.JSON.createObjectNode().put("type", "stdout").put("text", cell.stdout())));
        }
        if (!cell.stderr().isEmpty()) {
            out.append(line(Connect.JSON.createObjectNode().put("type", "stderr").put("text", cell.stderr())));
        }
        for (String png : cell.images()) {
            out.append(line(Connect.JSON.createObjectNode().put("type", "result").put("png", png)
                    .put("is_main_result", false)));
        }
        if (cell.result() != null) {
            out.append(line(Connect.JSON.createObjectNode().put("type", "result").put("text", cell.result())
                    .put("is_main_result", true)));
        }
        Cell.Error error = switch (cell.end()) {
            case TIMEOUT -> new Cell.Error("TimeoutError", "the cell ran past " + limit.toMillis() + " ms and was "
                    + "interrupted", cell.error() == null ? "" : cell.error().traceback());
            case REPL_ENDED -> new Cell.Error("KernelDied", "the REPL ended under the cell: its names are gone", "");
            case OUTPUT_LIMIT -> new Cell.Error("OutputLimit", "the cell wrote more output than a cell may", "");
            case DONE -> cell.error();
        };
        if (error != null) {
            out.append(line(Connect.JSON.createObjectNode().put("type", "error").put("name", error.name())
                    .put("value", error.value()).put("traceback", error.traceback())));
        }
        out.append(line(Connect.JSON.createObjectNode().put("type", "end_of_execution")));
        return out.toString();
    }

    private static String line(ObjectNode event) {
        return event.toString() + "\n";
    }

    private static ObjectNode json(E2bState.Context c) {
        return Connect.JSON.createObjectNode().put("id", c.id()).put("language", c.language()).put("cwd", c.cwd());
    }

    private static byte[] id() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
