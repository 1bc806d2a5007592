package dev.codeexec.rest;

import dev.codeexec.execution.RunSlots;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A run that would find every slot taken and the queue full is refused before its body is read,
 * with the bulkhead's own answer (503, Retry-After, JSON): under a burst the refused client learns
 * it at once instead of after uploading its program. Runs only: POST /run/{language}, Piston's
 * execute and Judge0's submissions. After the API-key check, so strangers learn nothing of the load.
 */
public class FullServiceFilter {

    private final RunSlots slots;

    public FullServiceFilter(RunSlots slots) {
        this.slots = slots;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public void refuseWhenFull(ContainerRequestContext ctx) {
        if (ctx.getMethod().equals("POST") && startsRun(ctx.getUriInfo().getPath()) && slots.full()) {
            throw new BulkheadException("every slot and queue place is taken");
        }
    }

    private static boolean startsRun(String path) {
        return path.startsWith("/run/") || path.endsWith("/execute") || path.startsWith("/submissions");
    }
}
