package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Judge0's API needs the same API keys as /run, also as Judge0's own X-Auth-Token header. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class Judge0ApiKeyTest {

    @Test
    void judge0EndpointsNeedAValidKey() {
        Api.awaitReady();
        Map<String, Object> body = Map.of("source_code", "print(8)", "language_id", 71);
        given().get("/languages").then().statusCode(401);
        given().get("/statuses").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/submissions?wait=true").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Auth-Token", "wrong").body(body).post("/submissions?wait=true")
                .then().statusCode(401);
        given().header("X-Auth-Token", "first-key-123").get("/languages").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Auth-Token", "first-key-123").body(body)
                .post("/submissions?wait=true").then().statusCode(201).body("stdout", equalTo("8\n"));
        given().contentType(ContentType.JSON).header("X-API-Key", "second-key-456").body(body)
                .post("/submissions?wait=true").then().statusCode(201).body("stdout", equalTo("8\n"));
    }
}
