package dev.codeexec.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.execution.RuntimeNotReadyException;
import dev.codeexec.execution.ShutdownGate;
import dev.codeexec.sandbox.RunCancelledException;
import dev.codeexec.sandbox.SandboxBusyException;
import dev.codeexec.sandbox.SandboxRefusedException;
import dev.codeexec.session.SessionFiles;
import dev.codeexec.session.SessionLimitException;
import dev.codeexec.session.SessionNotFoundException;
import dev.codeexec.session.WrongReplicaException;
import dev.codeexec.sandbox.SandboxUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import java.util.Optional;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Rejection;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as JSON: 4xx for what the client sent, 503 + Retry-After when we are saturated
 * or the engine is unavailable, 500 only for our own bugs (never with internals in the body).
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    /** On a 421: the replica that holds the session (a router may send the request there). */
    public static final String WRONG_REPLICA_HEADER = "X-Code-Exec-Replica";

    private final Metrics metrics;
    private final long circuitDelaySeconds;

    public ExceptionMappers(Metrics metrics, CodeExecConfig config) {
        this.metrics = metrics;
        this.circuitDelaySeconds = Math.max(1, config.execution().circuitDelayMs() / 1000);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidExecutionException e) {
        return problem(400, "Bad Request", e.getMessage());
    }

    /** The sandbox would not take a file (or start a step): the request's own trouble, named. */
    @ServerExceptionMapper
    public Response refused(SandboxRefusedException e) {
        String what = e.subject().equals("step") ? "The sandbox refused the step"
                : "The sandbox refused the file '" + e.subject() + "'";
        return problem(400, "Bad Request", what + ": " + e.getMessage());
    }

    /** Overrides the built-in mapper, which answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    /** Jackson's failures, whether they arrive bare or wrapped by the body reader. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof MismatchedInputException m) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "another type" : typeName(m.getTargetType());
            detail = field.isEmpty() ? "The body must be a JSON object" : "Field '" + field + "' must be " + expected;
        } else if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException
                && !path(m).isEmpty()) {
            detail = "Field '" + path(m) + "' is out of range for an integer";
        } else if (e instanceof InputCoercionException c) {
            String field = fieldName(c.getProcessor());
            detail = field == null ? "A number is out of range: " + c.getOriginalMessage()
                    : "Field '" + field + "' is out of range for "
                            + (c.getTargetType() == null ? "a smaller number" : typeName(c.getTargetType()));
        } else if (e instanceof StreamConstraintsException) {
            detail = "JSON too deeply nested or too large: " + e.getOriginalMessage();
        } else if (e instanceof JsonParseException) {
            detail = "Malformed JSON: " + e.getOriginalMessage();
        } else {
            detail = "Invalid JSON: " + e.getOriginalMessage();
        }
        return problem(400, "Bad Request", detail);
    }

    @ServerExceptionMapper
    public Response notReady(RuntimeNotReadyException e) {
        metrics.rejected(Rejection.NOT_READY);
        return retryLater(e.getMessage(), 5);
    }

    @ServerExceptionMapper
    public Response saturated(BulkheadException e) {
        metrics.rejected(Rejection.SATURATED);
        return retryLater("Too many runs in progress; try again shortly", 1);
    }

    @ServerExceptionMapper
    public Response engineDown(SandboxUnavailableException e) {
        metrics.rejected(Rejection.ENGINE_DOWN);
        LOG.warnf("container engine unavailable: %s", e.getMessage());
        return retryLater("The container engine is unavailable; try again shortly", circuitDelaySeconds);
    }

    /** The engine failed repeatedly: answer at once instead of trying it again. */
    @ServerExceptionMapper
    public Response circuitOpen(CircuitBreakerOpenException e) {
        metrics.rejected(Rejection.ENGINE_DOWN);
        return retryLater("The container engine is unavailable; try again shortly", circuitDelaySeconds);
    }

    @ServerExceptionMapper
    public Response shuttingDown(ShutdownGate.ShuttingDownException e) {
        metrics.rejected(Rejection.SHUTTING_DOWN);
        return retryLater(e.getMessage(), 1);
    }

    @ServerExceptionMapper
    public Response cancelled(RunCancelledException e) {
        return problem(499, "Client Closed Request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response guardTimeout(TimeoutException e) {
        return problem(504, "Gateway Timeout", "The run did not finish in time; the service is overloaded");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Optional<JsonProcessingException> json = JsonErrors.cause(e.getCause());
        if (json.isPresent()) {
            return json(json.get());
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource; see /q/openapi";
            case 405 -> "Method not allowed on this resource";
            case 415 -> "Content-Type must be application/json";
            default -> title;
        };
        return problem(status, title, detail);
    }

    @ServerExceptionMapper
    public Response noSession(SessionNotFoundException e) {
        return problem(404, "Not Found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response noFile(SessionFiles.MissingException e) {
        return problem(404, "Not Found", e.getMessage());
    }

    /** The session lives on another replica: the client (or a router) must send the request there. */
    @ServerExceptionMapper
    public Response wrongReplica(WrongReplicaException e) {
        return Response.fromResponse(problem(421, "Misdirected Request", e.getMessage()))
                .header(WRONG_REPLICA_HEADER, e.replica()).build();
    }

    @ServerExceptionMapper
    public Response sessionCap(SessionLimitException e) {
        return Response.fromResponse(problem(429, "Too Many Requests", e.getMessage())).header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response sessionBusy(SandboxBusyException e) {
        return Response.fromResponse(problem(429, "Too Many Requests", e.getMessage())).header("Retry-After", 1).build();
    }

    @ServerExceptionMapper
    public Response bug(Exception e) {
        LOG.error("unexpected error", e);
        return problem(500, "Internal Server Error", "Internal error");
    }

    /**
     * The answer POST /run gives for a failure of a run, whatever mapper it comes from (the live
     * endpoints send its status and detail in their own form).
     */
    public Response answer(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof InvalidExecutionException x) {
            return invalid(x);
        } else if (e instanceof SandboxRefusedException x) {
            return refused(x);
        } else if (e instanceof JsonProcessingException x) {
            return json(x);
        } else if (e instanceof RuntimeNotReadyException x) {
            return notReady(x);
        } else if (e instanceof BulkheadException x) {
            return saturated(x);
        } else if (e instanceof SandboxUnavailableException x) {
            return engineDown(x);
        } else if (e instanceof CircuitBreakerOpenException x) {
            return circuitOpen(x);
        } else if (e instanceof ShutdownGate.ShuttingDownException x) {
            return shuttingDown(x);
        } else if (e instanceof RunCancelledException x) {
            return cancelled(x);
        } else if (e instanceof TimeoutException x) {
            return guardTimeout(x);
        } else if (e instanceof WebApplicationException x) {
            return web(x);
        } else if (e instanceof SessionNotFoundException x) {
            return noSession(x);
        } else if (e instanceof SessionFiles.MissingException x) {
            return noFile(x);
        } else if (e instanceof WrongReplicaException x) {
            return wrongReplica(x);
        } else if (e instanceof SessionLimitException x) {
            return sessionCap(x);
        } else if (e instanceof SandboxBusyException x) {
            return sessionBusy(x);
        }
        return bug(e instanceof Exception x ? x : new IllegalStateException(e));
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Problem.of(status, title, detail))
                .build();
    }

    static Response retryLater(String detail, long seconds) {
        return Response.fromResponse(problem(503, "Service Unavailable", detail))
                .header("Retry-After", seconds)
                .build();
    }

    /** The field whose value the parser stands at, if it can say. */
    private static String fieldName(JsonParser parser) {
        try {
            return parser == null ? null : parser.currentName();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Where in the body Jackson failed, as {@code files[0].content}. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array of strings";
        }
        return "a " + type.getSimpleName();
    }
}
