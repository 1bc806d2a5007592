package dev.codeexec.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;

/**
 * The one place that finds a JSON failure the body reader wrapped: Jackson's exception arrives
 * bare or inside a {@code WebApplicationException}. Each API's mapper gives it its own body shape
 * (the own API a problem document, Piston {@code {"message"}}, Judge0 {@code {"error"}}).
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The JSON failure behind {@code e}, if one is among its causes. */
    public static Optional<JsonProcessingException> cause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return Optional.of(json);
            }
        }
        return Optional.empty();
    }
}
