package dev.codeexec.rest.piston;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.codeexec.rest.ExceptionMappers;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;

/** An error as Piston answers it: {@code {"message": "..."}}. */
public record PistonError(String message) {

    static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new PistonError(message)).build();
    }

    /** What is wrong with a body Jackson could not read, naming the field. */
    static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            String field = ExceptionMappers.path(m);
            return field.isEmpty() ? "The body must be a JSON object" : field + " must be " + typeName(m.getTargetType());
        }
        return "Malformed JSON: " + e.getOriginalMessage();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
