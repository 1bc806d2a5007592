package dev.codeexec.ops;

import static dev.codeexec.support.Piston.job;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Piston's API and /run draw on one budget per client (three runs a minute here). A profile of its
 * own, so its 429 does not show in RateLimitTest's count of rejections.
 */
@QuarkusTest
@TestProfile(PistonRateLimitTest.ThreePerMinute.class)
class PistonRateLimitTest {

    public static class ThreePerMinute extends RateLimitTest.ThreePerMinute {
    }

    private static final String CLIENT = "203.0.113.50";

    private static Response piston() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", CLIENT)
                .body(job("python", "*", "print(1)")).post("/api/v2/execute");
    }

    @Test
    void theFourthRunOfEitherApiIs429WithRetryAfter() {
        Api.awaitReady();
        assertEquals(200, piston().statusCode());
        given().contentType(ContentType.JSON).header("X-Forwarded-For", CLIENT).body("{\"code\": \"print(1)\"}")
                .post("/run/python").then().statusCode(200);
        Response third = piston();
        assertEquals(200, third.statusCode(), third.asString());
        assertEquals("0", third.header("RateLimit-Remaining"));
        Response limited = piston();
        assertEquals(429, limited.statusCode());
        assertEquals("Rate limit of 3 runs per minute exceeded", limited.jsonPath().getString("message"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // listing runtimes is not a run
        given().header("X-Forwarded-For", CLIENT).get("/api/v2/runtimes").then().statusCode(200);
    }
}
