package dev.codeexec.rest;

import dev.codeexec.language.LanguageRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/runtimes")
public class RuntimesResource {

    private final LanguageRegistry registry;

    public RuntimesResource(LanguageRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Languages provisioned right now, with their real versions and aliases")
    public List<RuntimeInfo> runtimes() {
        return registry.runtimes().stream().map(RuntimeInfo::of).toList();
    }
}
