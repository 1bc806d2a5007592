package dev.codeexec.rest.piston;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LimitsConfig;
import dev.codeexec.execution.Execution;
import dev.codeexec.execution.ExecutionService;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.language.Runtime;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.rest.JsonErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Piston's v2 API, translated onto the same ExecutionService as /run (same limits, slots, rate
 * limits, API keys, metrics under api=piston). Its 400s answer {@code {"message"}} as Piston does;
 * every other error is the service's own (which carries {@code message} too).
 */
@Path("/api/v2")
@Tag(name = "Piston v2", description = "Piston's API for Piston's clients")
public class PistonResource {

    private final ExecutionService executions;
    private final PistonRuntimes runtimes;
    private final LimitsConfig caps;

    public PistonResource(ExecutionService executions, PistonRuntimes runtimes, CodeExecConfig config) {
        this.executions = executions;
        this.runtimes = runtimes;
        this.caps = config.limits();
    }

    @GET
    @Path("/runtimes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ready runtimes, with X.Y.Z versions")
    public List<PistonRuntime> runtimes() {
        return runtimes.list();
    }

    /**
     * Piston's package list: in Piston a package is a language at a version, installed or not; here
     * every ready runtime is one, installed (the libraries inside each are in GET /runtimes).
     */
    @GET
    @Path("/packages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Piston's packages: each ready runtime, installed")
    public List<PistonPackage> packages() {
        return runtimes.list().stream().map(r -> new PistonPackage(r.language(), r.version(), true)).toList();
    }

    /** Packages are the operator's choice (images built with them): no client installs or removes one. */
    @POST
    @Path("/packages")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response install() {
        return PistonError.response(403, "Packages are chosen by the operator of this service and built into its "
                + "images; none can be installed through the API (GET /api/v2/packages lists them)");
    }

    @DELETE
    @Path("/packages")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response uninstall() {
        return PistonError.response(403, "Packages are chosen by the operator of this service and built into its "
                + "images; none can be removed through the API");
    }

    @POST
    @Path("/execute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a job as Piston does",
            description = "200 for every job that ran, whatever the program did; see run.status. "
                    + "A text/plain body is read as JSON (piston-client sends it so); cross-site browsers get 403.")
    public Uni<PistonExecuteResponse> execute(PistonExecuteRequest request) {
        if (request == null) {
            throw new InvalidExecutionException("language is required as a string");
        }
        request.check();
        Runtime runtime = runtimes.resolve(request.language(), request.version());
        Execution execution = request.toExecution(runtime.language(), caps, false);
        return executions.run(execution, Metrics.Api.PISTON).map(PistonExecuteResponse::of);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidExecutionException e) {
        return PistonError.response(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return PistonError.response(400, PistonError.describe(e));
    }

    /** A body the JSON reader could not parse arrives wrapped. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Optional<JsonProcessingException> json = JsonErrors.cause(e.getCause());
        if (json.isPresent()) {
            return json(json.get());
        }
        return PistonError.response(e.getResponse().getStatus(), e.getResponse().getStatusInfo().getReasonPhrase());
    }
}
