package dev.codeexec.ops;

import static dev.codeexec.support.Piston.job;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Piston's API needs the same API keys as /run. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class PistonApiKeyTest {

    @Test
    void pistonEndpointsNeedAValidKey() {
        Api.awaitReady();
        given().get("/api/v2/runtimes").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().header("X-API-Key", "wrong").get("/api/v2/runtimes").then().statusCode(401);
        given().header("X-API-Key", "first-key-123").get("/api/v2/runtimes").then().statusCode(200);

        Object body = job("python", "*", "print(7)");
        given().contentType(ContentType.JSON).body(body).post("/api/v2/execute").then().statusCode(401)
                .body("message", equalTo("A valid API key is required (X-API-Key header or Authorization: Bearer)"));
        given().contentType("text/plain").body("{\"language\": \"python\", \"version\": \"*\", \"files\": [{\"content\": \"1\"}]}")
                .post("/api/v2/execute").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-API-Key", "first-key-123").body(body).post("/api/v2/execute")
                .then().statusCode(200).body("run.stdout", equalTo("7\n"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer second-key-456").body(body)
                .post("/api/v2/execute").then().statusCode(200).body("run.stdout", equalTo("7\n"));
    }
}
