package dev.codeexec.rest.e2b;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.rest.ExceptionMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The service's errors as E2B's clients read them: the control plane's {@code {"code": 404,
 * "message": ...}} (the SDK looks at the body's code), Connect's {@code {"code": "not_found", ...}}
 * for envd. The status and message are the ones POST /run would give (one mapping of errors).
 */
@ApplicationScoped
class E2bErrors {

    private final ExceptionMappers mappers;

    E2bErrors(Metrics metrics, CodeExecConfig config) {
        this.mappers = new ExceptionMappers(metrics, config);
    }

    /** Runs a control-plane call; a failure leaves in E2B's API form, headers (Retry-After) kept. */
    Response api(Supplier<Response> call) {
        try {
            return call.get();
        } catch (Connect.Error e) {
            var body = Connect.JSON.createObjectNode().put("code", e.status()).put("message", e.getMessage());
            return Response.status(e.status()).type("application/json").entity(body.toString()).build();
        } catch (RuntimeException e) {
            Response answer = mappers.answer(e);
            var body = Connect.JSON.createObjectNode().put("code", answer.getStatus()).put("message", detail(answer));
            return Response.fromResponse(answer).type("application/json").entity(body.toString()).build();
        }
    }

    /** Runs an envd call; a failure leaves as a Connect error. */
    Response envd(Supplier<Response> call) {
        try {
            return call.get();
        } catch (Connect.Error e) {
            return Connect.error(e);
        } catch (RuntimeException e) {
            return Connect.error(connect(e));
        }
    }

    /** A failure as a Connect error (its code from the status POST /run would answer with). */
    Connect.Error connect(RuntimeException e) {
        if (e instanceof Connect.Error c) {
            return c;
        }
        Response answer = mappers.answer(e);
        String code = switch (answer.getStatus()) {
            case 400, 413 -> "invalid_argument";
            case 401 -> "unauthenticated";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 409 -> "already_exists";
            case 429 -> "resource_exhausted";
            case 503 -> "unavailable";
            case 504 -> "deadline_exceeded";
            default -> "internal";
        };
        return new Connect.Error(code, detail(answer));
    }

    private static String detail(Response answer) {
        Object entity = answer.getEntity();
        JsonNode node = Connect.JSON.valueToTree(entity);
        return node.path("detail").asText(node.path("message").asText(String.valueOf(entity)));
    }
}
