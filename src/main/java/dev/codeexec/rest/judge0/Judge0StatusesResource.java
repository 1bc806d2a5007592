package dev.codeexec.rest.judge0;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Judge0's GET /statuses. */
@Path("/statuses")
@Tag(name = "Judge0")
public class Judge0StatusesResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Judge0's statuses and their ids")
    public List<Map<String, Object>> list() {
        return Arrays.stream(Judge0Status.values()).map(Judge0Status::json).toList();
    }
}
