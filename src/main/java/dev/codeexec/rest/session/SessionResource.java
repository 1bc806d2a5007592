package dev.codeexec.rest.session;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.execution.SourceFile;
import dev.codeexec.execution.SourceFiles;
import dev.codeexec.rest.ClientLimits;
import dev.codeexec.rest.JsonBody;
import dev.codeexec.rest.RunResponse;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.session.Cell;
import dev.codeexec.session.Session;
import dev.codeexec.session.SessionFiles;
import dev.codeexec.session.SessionRuns;
import dev.codeexec.session.Sessions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sessions in the service's own API: a sandbox kept for a client, commands, programs and REPL cells
 * run in it, its files written, read, listed and removed. Each belongs to the client that made it
 * (its API key, else its address): anyone else hears 404.
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final Sessions sessions;
    private final SessionRuns runs;
    private final SessionFiles files;
    private final ClientLimits clients;
    private final CodeExecConfig config;

    public SessionResource(Sessions sessions, SessionRuns runs, SessionFiles files, ClientLimits clients,
            CodeExecConfig config) {
        this.sessions = sessions;
        this.runs = runs;
        this.files = files;
        this.clients = clients;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonBody
    @Operation(summary = "Make a session: a sandbox kept for you until deleted, idle too long, or at its lifetime cap")
    public Response create(SessionRequest request, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        if (request == null) {
            throw new InvalidExecutionException("a JSON object with language is required");
        }
        List<SandboxFile> start = request.files() == null ? List.of() : SourceFiles.decode(request.files().stream()
                .map(f -> f == null ? null : new SourceFile(f.name(), f.content(), f.encoding())).toList(),
                config.limits());
        Map<String, Object> metadata = request.metadata() == null ? null : new LinkedHashMap<>(request.metadata());
        Session session = sessions.create(owner(headers, http), new Sessions.Request(request.language(),
                request.timeoutMs(), request.memoryMb(), request.idleTimeoutMs(), start, metadata));
        return Response.status(201).entity(info(session)).build();
    }

    @GET
    @Operation(summary = "Your sessions on this replica")
    public List<SessionInfo> list(@Context HttpHeaders headers, @Context HttpServerRequest http) {
        return sessions.list(owner(headers, http)).stream().map(this::info).toList();
    }

    @GET
    @Path("/{id}")
    public SessionInfo get(@PathParam("id") String id, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return info(find(id, headers, http));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a session: its container and everything in it go")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        sessions.delete(owner(headers, http), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonBody
    @Operation(summary = "Run a command, a program or a REPL cell in the session",
            description = "The POST /run answer; a cell adds result, error and images.")
    public SessionRunResponse run(@PathParam("id") String id, SessionRunRequest request, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        Session session = find(id, headers, http);
        if (request == null || (request.code() == null) == (request.command() == null)) {
            throw new InvalidExecutionException("send exactly one of code and command");
        }
        if (request.command() != null) {
            return SessionRunResponse.of(RunResponse.of(runs.command(session, request.command(), request.input(),
                    request.timeoutMs(), new RunControl())));
        }
        if (!runs.hasRepl(session)) {
            return SessionRunResponse.of(RunResponse.of(runs.program(session, request.code(), request.input(),
                    request.timeoutMs(), new RunControl())));
        }
        if (request.input() != null) {
            throw new InvalidExecutionException("a REPL cell takes no input");
        }
        Cell cell = runs.cell(session, request.context(), request.code(), request.timeoutMs());
        long timeoutMs = request.timeoutMs() != null ? request.timeoutMs() : session.limits().timeout().toMillis();
        return SessionRunResponse.of(session.runtime().language().id(), session.runtime().version(), cell, timeoutMs);
    }

    @PUT
    @Path("/{id}/files/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Write a file (the raw body) in the session's working directory")
    public Response write(@PathParam("id") String id, @PathParam("path") String path, byte[] body,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        files.write(find(id, headers, http), path, body == null ? new byte[0] : body);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/files/{path: .+}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "Read a file of the session (raw bytes)")
    public Response read(@PathParam("id") String id, @PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        byte[] content = files.read(find(id, headers, http), path);
        return Response.ok(content, MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }

    @GET
    @Path("/{id}/files")
    @Operation(summary = "List a directory of the session (default: its working directory)")
    public List<SessionFiles.Entry> listFiles(@PathParam("id") String id, @QueryParam("dir") String dir,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return files.list(find(id, headers, http), dir);
    }

    @DELETE
    @Path("/{id}/files/{path: .+}")
    @Operation(summary = "Remove a file, a link, or a directory with all it holds")
    public Response remove(@PathParam("id") String id, @PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        files.remove(find(id, headers, http), path);
        return Response.noContent().build();
    }

    private Session find(String id, HttpHeaders headers, HttpServerRequest http) {
        return sessions.find(owner(headers, http), id);
    }

    private String owner(HttpHeaders headers, HttpServerRequest http) {
        return clients.client(headers::getHeaderString, http);
    }

    private SessionInfo info(Session s) {
        return SessionInfo.of(s, sessions.replica(), runs.hasRepl(s));
    }
}
