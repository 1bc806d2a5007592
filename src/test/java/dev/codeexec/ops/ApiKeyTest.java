package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.api-keys", "first-key-123,second-key-456");
        }
    }

    @Test
    void runsNeedAValidKeyHealthDoesNot() {
        given().get("/q/health/live").then().statusCode(200);
        Api.awaitReady();
        given().contentType(ContentType.JSON).body("{\"code\": \"print(1)\"}").post("/run/python").then()
                .statusCode(401).contentType(ContentType.JSON).header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().contentType(ContentType.JSON).header("X-API-Key", "first-key-12").body("{\"code\": \"print(1)\"}")
                .post("/run/python").then().statusCode(401);
        given().get("/runtimes").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-API-Key", "first-key-123").body("{\"code\": \"print(1)\"}")
                .post("/run/python").then().statusCode(200).body("stdout", equalTo("1\n"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer second-key-456")
                .body("{\"code\": \"print(2)\"}").post("/run/python").then().statusCode(200).body("stdout", equalTo("2\n"));
        given().header("X-API-Key", "second-key-456").get("/runtimes").then().statusCode(200);
    }

    /** A session is its key's: the other key hears 404 on every route, no key 401; E2B's key header counts the same. */
    @Test
    void aSessionBelongsToTheKeyThatMadeIt() {
        Api.awaitReady();
        given().contentType(ContentType.JSON).body("{\"language\": \"bash\"}").post("/sessions").then().statusCode(401);
        String id = given().contentType(ContentType.JSON).header("X-API-Key", "first-key-123")
                .body("{\"language\": \"bash\"}").post("/sessions").then().statusCode(201).extract().path("id");
        try {
            given().header("X-API-Key", "second-key-456").get("/sessions/" + id).then().statusCode(404);
            given().header("X-API-Key", "second-key-456").contentType(ContentType.JSON).body("{\"command\": \"true\"}")
                    .post("/sessions/" + id + "/run").then().statusCode(404);
            given().header("X-API-Key", "second-key-456").get("/sandboxes/" + id).then().statusCode(404)
                    .body("code", equalTo(404));
            given().header("X-API-Key", "second-key-456").delete("/sessions/" + id).then().statusCode(404);
            given().get("/sandboxes/" + id).then().statusCode(401);
            given().header("X-API-KEY", "first-key-123").get("/sandboxes/" + id).then().statusCode(200)
                    .body("sandboxID", equalTo(id));
            given().header("Authorization", "Bearer first-key-123").contentType(ContentType.JSON)
                    .body("{\"command\": \"echo mine\"}").post("/sessions/" + id + "/run").then().statusCode(200)
                    .body("stdout", equalTo("mine\n"));
        } finally {
            given().header("X-API-Key", "first-key-123").delete("/sessions/" + id).then().statusCode(204);
        }
    }

    @Test
    void liveRunsNeedAValidKeyOnTheHandshake() {
        Api.awaitReady();
        for (String path : new String[] {"/run/python/stream", "/api/v2/connect"}) {
            assertEquals(401, LiveClient.refusedHandshake(path, Map.of()));
            assertEquals(401, LiveClient.refusedHandshake(path, Map.of("X-API-Key", "first-key-12")));
        }
        try (LiveClient live = LiveClient.open("/run/python/stream", Map.of("X-API-Key", "first-key-123"))) {
            live.send(Map.of("code", "print(input())", "input", "keyed\n", "timeoutMs", 10_000));
            assertEquals("keyed\n", live.next("result").path("stdout").asText());
        }
        try (LiveClient live = LiveClient.open("/api/v2/connect", Map.of("Authorization", "Bearer second-key-456"))) {
            live.send(Map.of("type", "init", "language", "bash", "version", "*", "files", java.util.List.of(Map.of("content", "echo ok"))));
            assertEquals(4999, live.closeCode());
        }
    }
}
