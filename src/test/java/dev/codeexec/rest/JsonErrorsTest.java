package dev.codeexec.rest;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {

    private static JsonProcessingException parseFailure() {
        try {
            new ObjectMapper().readTree("{\"code\": ");
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("the body parsed");
    }

    @Test
    void findsTheJsonFailureBareOrWrappedAtAnyDepth() {
        JsonProcessingException json = parseFailure();
        assertSame(json, JsonErrors.cause(json).orElseThrow());
        assertSame(json, JsonErrors.cause(new WebApplicationException(json)).orElseThrow());
        assertSame(json, JsonErrors.cause(new BadRequestException(new IllegalStateException(json))).orElseThrow());
    }

    @Test
    void anythingElseIsNoJsonFailure() {
        assertTrue(JsonErrors.cause(new WebApplicationException(415)).isEmpty());
        assertTrue(JsonErrors.cause(new IllegalStateException(new RuntimeException())).isEmpty());
        assertTrue(JsonErrors.cause(null).isEmpty());
    }
}
