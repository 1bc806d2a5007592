package dev.codeexec.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** 415 for a {@link JsonBody} resource called without a Content-Type (other types never match its @Consumes). */
public class JsonBodyFilter {

    @JsonBody
    @ServerRequestFilter
    public Response requireContentType(ContainerRequestContext ctx) {
        String type = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null && !type.isBlank()) {
            return null;
        }
        return ExceptionMappers.problem(415, "Unsupported Media Type", "Content-Type must be application/json");
    }
}
