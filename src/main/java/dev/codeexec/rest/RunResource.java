package dev.codeexec.rest;

import dev.codeexec.execution.Execution;
import dev.codeexec.execution.ExecutionService;
import dev.codeexec.execution.InvalidExecutionException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import dev.codeexec.metrics.Metrics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/run")
public class RunResource {

    private final ExecutionService executions;

    public RunResource(ExecutionService executions) {
        this.executions = executions;
    }

    @POST
    @Path("/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonBody
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a program in a fresh, locked-down container",
            description = "200 for every run that happened, whatever the program did; see status.")
    public Uni<RunResponse> run(
            @Parameter(description = "A language id or alias; see GET /runtimes", example = "python")
            @PathParam("language") String language,
            RunRequest request) {
        if (request == null) {
            throw new InvalidExecutionException("a JSON object with code is required");
        }
        Execution execution = request.toExecution(language);
        return executions.run(execution, Metrics.Api.RUN).map(RunResponse::of);
    }
}
