package dev.codeexec.rest.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.execution.Execution;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.execution.Outcome;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.rest.JsonBody;
import dev.codeexec.rest.RunRequest;
import dev.codeexec.rest.RunResponse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * POST /run/{language} with {@code Accept: text/event-stream}: the same run as POST /run, told as
 * it happens: {@code stage}, {@code stdout} and {@code stderr} events (JSON data with the text and
 * its stage), then one {@code result} event holding POST /run's answer (or one {@code error} event
 * when the run failed after it was accepted). A request that is wrong is answered 4xx as by
 * POST /run, before any event. No input after the request: that is what the WebSocket is for.
 */
@Path("/run")
public class RunEvents {

    private final LiveRuns runs;

    public RunEvents(LiveRuns runs) {
        this.runs = runs;
    }

    @POST
    @Path("/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonBody
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "X-Accel-Buffering", value = "no") // nginx: pass each event on at once
    @Operation(summary = "Run a program and stream what it writes as Server-Sent Events",
            description = "Chosen by Accept: text/event-stream; events stage, stdout, stderr, then result.")
    public Multi<OutboundSseEvent> run(@PathParam("language") String language, RunRequest request, @Context Sse sse) {
        if (request == null) {
            throw new InvalidExecutionException("a JSON object with code is required");
        }
        if (request.tests() != null) {
            throw new InvalidExecutionException("Field 'tests' is not taken on an event stream; send test cases to POST /run");
        }
        Execution execution = request.toExecution(language);
        runs.executions().check(execution);
        return Multi.createFrom().emitter(emitter -> {
            // The client's count and rate were taken by the HTTP filters already.
            LiveSession session = runs.session(new Events(emitter, sse, runs), null);
            emitter.onTermination(session::close);
            session.start(execution, Metrics.Api.RUN);
        });
    }

    /** The run as SSE events. */
    private record Events(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse, LiveRuns runs)
            implements LiveSession.Events {

        @Override
        public void stage(String stage) {
            emit("stage", message().put("stage", stage));
        }

        @Override
        public void output(String stage, boolean stderr, String text) {
            emit(stderr ? "stderr" : "stdout", message().put("stage", stage).put("data", text));
        }

        @Override
        public void ended(String stage, Integer code, String signal) {
            // the result event carries every figure of both stages
        }

        @Override
        public void finished(Outcome outcome) {
            emit("result", runs.json().valueToTree(RunResponse.of(outcome)));
            emitter.complete();
        }

        @Override
        public void failed(int status, String message) {
            emit("error", message().put("status", status).put("message", message));
            emitter.complete();
        }

        private ObjectNode message() {
            return runs.json().createObjectNode();
        }

        private void emit(String name, Object data) {
            try {
                emitter.emit(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, runs.json().writeValueAsString(data)).build());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

    }
}
