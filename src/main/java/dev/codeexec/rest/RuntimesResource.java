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
    @Operation(summary = "Every enabled language: aliases, whether it is compiled, whether it is ready, "
            + "and its real version once it is")
    public List<RuntimeInfo> runtimes() {
        return registry.languages().stream().map(l -> RuntimeInfo.of(l, registry.runtime(l).orElse(null))).toList();
    }
}
