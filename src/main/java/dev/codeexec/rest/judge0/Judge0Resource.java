package dev.codeexec.rest.judge0;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LimitsConfig;
import dev.codeexec.execution.Execution;
import dev.codeexec.execution.ExecutionService;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.language.Language;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.rest.JsonErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Judge0 CE's synchronous subset, translated onto the same ExecutionService as /run (same limits,
 * slots, rate limits, API keys, metrics under api=judge0). Only {@code wait=true} is served: a
 * queued submission would need a store shared by every replica, and this service keeps none.
 * Refusals name the field as Judge0 does ({@code {"language_id": ["can't be blank"]}}, plus
 * {@code error}) but answer 400, not Judge0's 422; errors of the service itself are its own.
 */
@Path("/submissions")
@Tag(name = "Judge0", description = "Judge0 CE's synchronous API for Judge0's clients")
public class Judge0Resource {

    private final ExecutionService executions;
    private final Judge0Languages languages;
    private final LimitsConfig caps;

    public Judge0Resource(ExecutionService executions, Judge0Languages languages, CodeExecConfig config) {
        this.executions = executions;
        this.languages = languages;
        this.caps = config.limits();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a submission and answer its result (wait=true only)",
            description = "201 for every submission that ran, whatever the program did; see status.")
    public Uni<Response> submit(Judge0Submission submission, @QueryParam("wait") String wait,
            @QueryParam("base64_encoded") String base64Encoded, @QueryParam("fields") String fields) {
        if (!flag("wait", wait)) {
            throw new Judge0Invalid(null, "wait=false is not served: this service keeps no submissions to fetch later; "
                    + "send wait=true to get the result in the answer");
        }
        boolean base64 = flag("base64_encoded", base64Encoded);
        List<String> picked = Judge0Result.fields(fields);
        if (submission == null) {
            throw new Judge0Invalid("source_code", "can't be blank");
        }
        int id = submission.language();
        Language language = languages.find(id)
                .orElseThrow(() -> new Judge0Invalid("language_id", "language with id " + id + " doesn't exist"));
        Execution execution = submission.toExecution(language.id(), base64, caps);
        Instant created = Instant.now();
        String name = languages.name(language);
        return executions.run(execution, Metrics.Api.JUDGE0).map(outcome -> Response.status(201)
                .type(MediaType.APPLICATION_JSON)
                .entity(Judge0Result.of(outcome, submission, id, name, base64, created, picked))
                .build());
    }

    @GET
    @Path("/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Always 404: submissions are answered with wait=true and not kept")
    public Response submission(@PathParam("token") String token) {
        return error(404, "submission not found: this service answers submissions with wait=true and keeps none");
    }

    /** Judge0's boolean query parameters: absent is false. */
    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new Judge0Invalid(null, name + " must be true or false");
    }

    @ServerExceptionMapper
    public Response invalid(Judge0Invalid e) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (e.field() != null) {
            body.put(e.field(), List.of(e.getMessage()));
        }
        body.put("error", e.field() == null ? e.getMessage() : e.field() + " " + e.getMessage());
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidExecutionException e) {
        return error(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return error(400, "the body must be a JSON object of a submission: " + e.getOriginalMessage());
    }

    /** A body the JSON reader could not parse arrives wrapped. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Optional<JsonProcessingException> json = JsonErrors.cause(e.getCause());
        if (json.isPresent()) {
            return json(json.get());
        }
        return error(e.getResponse().getStatus(), e.getResponse().getStatusInfo().getReasonPhrase());
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
