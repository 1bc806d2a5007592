package dev.codeexec.rest.e2b;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.rest.ClientLimits;
import dev.codeexec.session.Session;
import dev.codeexec.session.Sessions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E2B's control plane (the SDK's E2B_API_URL) over the service's sessions: create, connect, info,
 * timeout, list, kill. A sandbox is a session; its template names the language (E2B's own
 * templates, base and code-interpreter-v1, mean Python). The API key (X-API-KEY) is the client.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class E2bSandboxes {

    /** What data-plane clients are told the sandbox's envd is: 0.5.7 gets multipart and octet-stream uploads. */
    static final String ENVD_VERSION = "0.5.7";
    private static final Map<String, String> TEMPLATES = Map.of("base", "python", "code-interpreter-v1", "python",
            "code-interpreter", "python");

    private final Sessions sessions;
    private final ClientLimits clients;
    private final E2bErrors errors;

    public E2bSandboxes(Sessions sessions, ClientLimits clients, E2bErrors errors) {
        this.sessions = sessions;
        this.clients = clients;
        this.errors = errors;
    }

    @POST
    @Path("v2/sandboxes")
    @Consumes(MediaType.WILDCARD)
    public Response create(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return errors.api(() -> {
            JsonNode request = json(body);
            String template = request.path("templateID").asText("base");
            Map<String, String> envs = strings(request.path("envVars"));
            Map<String, Object> metadata = new LinkedHashMap<>(strings(request.path("metadata")));
            Session session = sessions.create(owner(headers, http), new Sessions.Request(
                    TEMPLATES.getOrDefault(template, template), null, null, idleMs(request), List.of(), metadata));
            session.attachment(E2bState.class, () -> new E2bState(template, envs));
            return Response.status(201).entity(created(session).toString()).build();
        });
    }

    @POST
    @Path("v2/sandboxes/{id}/connect")
    @Consumes(MediaType.WILDCARD)
    public Response connect(@PathParam("id") String id, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        return errors.api(() -> {
            Session session = sessions.find(owner(headers, http), id);
            JsonNode request = json(body);
            if (request.has("timeout")) {
                sessions.idleTimeout(session, idleMs(request));
            }
            return Response.ok(created(session).toString()).build();
        });
    }

    @GET
    @Path("sandboxes/{id}")
    public Response info(@PathParam("id") String id, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return errors.api(() -> Response.ok(listed(sessions.find(owner(headers, http), id)).toString()).build());
    }

    @POST
    @Path("sandboxes/{id}/timeout")
    @Consumes(MediaType.WILDCARD)
    public Response timeout(@PathParam("id") String id, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        return errors.api(() -> {
            sessions.idleTimeout(sessions.find(owner(headers, http), id), idleMs(json(body)));
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("sandboxes/{id}")
    public Response kill(@PathParam("id") String id, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return errors.api(() -> {
            sessions.delete(owner(headers, http), id);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("v2/sandboxes")
    public Response list(@QueryParam("state") List<String> state, @QueryParam("metadata") String metadata,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return errors.api(() -> {
            ArrayNode all = Connect.JSON.createArrayNode();
            boolean running = state == null || state.isEmpty()
                    || state.stream().anyMatch(s -> List.of(s.split(",")).contains("running"));
            Map<String, String> wanted = query(metadata);
            if (running) {
                for (Session s : sessions.list(owner(headers, http))) {
                    if (wanted.entrySet().stream().allMatch(e -> e.getValue().equals(s.metadata().get(e.getKey())))) {
                        all.add(listed(s));
                    }
                }
            }
            return Response.ok(all.toString()).build();
        });
    }

    /** What create and connect answer: the ids, envd's version and the tokens data-plane calls carry. */
    private ObjectNode created(Session s) {
        E2bState state = state(s);
        return Connect.JSON.createObjectNode().put("sandboxID", s.id()).put("templateID", state.template)
                .put("alias", state.template).put("clientID", sessions.replica()).put("envdVersion", ENVD_VERSION)
                .put("envdAccessToken", state.token).put("trafficAccessToken", state.token);
    }

    private ObjectNode listed(Session s) {
        ObjectNode node = Connect.JSON.createObjectNode().put("sandboxID", s.id()).put("templateID", state(s).template)
                .put("alias", state(s).template).put("clientID", sessions.replica())
                .put("startedAt", s.created().toString()).put("endAt", s.expiresAt().toString()).put("state", "running")
                .put("cpuCount", (int) Math.ceil(s.limits().run().cpus()))
                .put("memoryMB", s.limits().run().memoryBytes() >> 20).put("diskSizeMB", s.limits().run().scratchBytes() >> 20)
                .put("envdVersion", ENVD_VERSION);
        node.set("metadata", Connect.JSON.valueToTree(s.metadata()));
        return node;
    }

    /** A session made by the own API gets E2B's state when first reached here: its template is its language. */
    static E2bState state(Session s) {
        return s.attachment(E2bState.class, () -> new E2bState(s.runtime().language().id(), Map.of()));
    }

    /** E2B's timeout (seconds) as the session's idle timeout, within what the service allows. */
    private Integer idleMs(JsonNode request) {
        if (!request.has("timeout")) {
            return null;
        }
        long max = sessions.config().maxIdleTimeout().toMillis();
        long ms = Math.max(1000, Math.min(max, request.path("timeout").asLong() * 1000));
        return (int) ms;
    }

    private String owner(HttpHeaders headers, HttpServerRequest http) {
        return clients.client(headers::getHeaderString, http);
    }

    private static JsonNode json(byte[] body) {
        try {
            return body == null || body.length == 0 ? Connect.JSON.createObjectNode() : Connect.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new InvalidExecutionException("the body is not JSON: " + e.getMessage());
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The SDK's metadata filter: "k=v&k2=v2", each part URL-encoded. */
    private static Map<String, String> query(String metadata) {
        Map<String, String> out = new HashMap<>();
        if (metadata == null || metadata.isBlank()) {
            return out;
        }
        for (String pair : metadata.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
