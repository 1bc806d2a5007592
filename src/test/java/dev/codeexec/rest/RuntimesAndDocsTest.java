package dev.codeexec.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuntimesAndDocsTest {

    @Test
    void runtimesListsProvisionedLanguagesWithRealVersions() {
        Api.awaitReady();
        given().get("/runtimes").then().statusCode(200).contentType(ContentType.JSON)
                .body("language", org.hamcrest.Matchers.hasItems("python", "javascript", "ruby", "c", "cpp", "java"))
                .body("find { it.language == 'javascript' }.aliases", hasItem("node"))
                .body("find { it.language == 'ruby' }.aliases", hasItem("rb"))
                .body("find { it.language == 'cpp' }.aliases", hasItem("c++"))
                .body("find { it.language == 'python' }.compiled", equalTo(false))
                .body("find { it.language == 'java' }.compiled", equalTo(true))
                .body("ready", org.hamcrest.Matchers.everyItem(equalTo(true)))
                .body("language", org.hamcrest.Matchers.not(hasItem("kotlin")))
                .body("version", org.hamcrest.Matchers.everyItem(matchesPattern("\\d+\\.\\d+\\.\\d+(\\.\\d+)?")));
        String python = given().get("/runtimes").jsonPath().getString("find { it.language == 'python' }.version");
        Api.run("python", "import platform; print(platform.python_version())").then()
                .body("stdout", equalTo(python + "\n"));
    }

    @Test
    void healthEndpointsAnswer() {
        Api.awaitReady();
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].data.engineVersion", matchesPattern(".+"));
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheRunEndpointWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/run/{language}'.post.summary", containsString("Run a program"))
                .body("components.schemas.RunRequest.properties.files.type", equalTo("array"))
                .body("components.schemas.RunRequest.properties.code.examples[0]", equalTo("print(input()[::-1])"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
