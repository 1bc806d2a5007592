package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Three runs a minute per client; clients told apart by IP, X-Forwarded-For only from trusted proxies. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreePerMinute.class)
class RateLimitTest {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.rate-limit.enabled", "true", "code-exec.rate-limit.requests-per-minute", "3");
        }
    }

    private static Response runAs(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body("{\"code\": \"print(1)\"}").post("/run/python");
    }

    @Test
    void fourthRunInAMinuteIs429WithRetryAfterAndRateLimitHeaders() {
        Api.awaitReady();
        for (int i = 0; i < 3; i++) {
            Response ok = runAs("203.0.113.7");
            assertEquals(200, ok.statusCode(), ok.asString());
            assertEquals("3", ok.header("RateLimit-Limit"));
            assertEquals(String.valueOf(2 - i), ok.header("RateLimit-Remaining"));
        }
        Response limited = runAs("203.0.113.7");
        assertEquals(429, limited.statusCode());
        assertEquals("application/json", limited.contentType());
        assertEquals("Rate limit of 3 runs per minute exceeded", limited.jsonPath().getString("message"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("0", limited.header("RateLimit-Remaining"));

        // another client (as told by the trusted local proxy's X-Forwarded-For) has its own budget
        runAs("203.0.113.8").then().statusCode(200);
        // health and metrics are never limited
        for (int i = 0; i < 5; i++) {
            given().get("/q/health/live").then().statusCode(200);
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*codeexec_requests_rejected_total\\{reason=\"rate_limited\"\\} [1-9].*"));
        given().get("/runtimes").then().statusCode(200).header("RateLimit-Limit", equalTo(null));
    }

    /** A request that fails validation still spends a token (the limit comes first), without running anything. */
    private static Response cheapRunAs(String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body("{\"code\": \"x\"}").post("/run/cobol");
    }

    @Test
    void theClientIsTheRightMostForwardedAddressThatIsNoTrustedProxy() {
        // The trusted proxy (127.0.0.1) appended 5.6.7.8; whatever stands left of it, the client wrote.
        for (int i = 0; i < 3; i++) {
            assertEquals(400, cheapRunAs("5.6.7.8").statusCode());
        }
        Response spoofed = cheapRunAs("1.2.3.4, 5.6.7.8");
        assertEquals(429, spoofed.statusCode(), "a client must not pick its bucket by writing X-Forwarded-For");
        // trusted proxies are skipped from the right: [::1] and 127.0.0.1 are trusted
        assertEquals(429, cheapRunAs("5.6.7.8, 127.0.0.1, [::1]").statusCode());
        assertEquals(400, cheapRunAs("5.6.7.8, 9.9.9.9").statusCode(), "9.9.9.9 has a budget of its own");
    }
}
