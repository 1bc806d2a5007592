package dev.codeexec.rest.judge0;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Judge0's GET /languages and GET /languages/{id}. */
@Path("/languages")
@Tag(name = "Judge0")
public class Judge0LanguagesResource {

    private final Judge0Languages languages;

    public Judge0LanguagesResource(Judge0Languages languages) {
        this.languages = languages;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ready languages under Judge0 CE's ids, with the versions run here")
    public List<Map<String, Object>> list() {
        return languages.list();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One language, with its source file and commands")
    public Response language(@PathParam("id") String id) {
        int number;
        try {
            number = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return notFound();
        }
        return languages.describe(number).map(l -> Response.ok(l).build()).orElseGet(Judge0LanguagesResource::notFound);
    }

    private static Response notFound() {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(Map.of("error", "language not found")).build();
    }
}
