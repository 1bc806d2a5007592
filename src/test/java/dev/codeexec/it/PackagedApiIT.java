package dev.codeexec.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same API checks against the packaged artifact: the jar in a normal build, the native
 * executable with -Dnative (where a GraalVM/Mandrel toolchain exists).
 */
@QuarkusIntegrationTest
class PackagedApiIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "python     | print(input()[::-1])",
            "javascript | process.stdin.on('data', d => console.log(d.toString().trim().split('').reverse().join('')))",
            "ruby       | puts gets.strip.reverse"})
    void runsEachLanguage(String language, String code) {
        Api.awaitReady();
        Api.run(language, code, "input", "olleh\n").then().statusCode(200)
                .body("status", equalTo("OK")).body("stdout", equalTo("hello\n"));
    }

    @Test
    void timeoutsAndBadRequestsAnswerAsInJvmMode() {
        Api.awaitReady();
        Api.run("python", "while True: pass", "timeoutMs", 500).then().statusCode(200).body("status", equalTo("TIMEOUT"));
        given().contentType(ContentType.JSON).body("{\"code\": 123}").post("/run/python").then().statusCode(400)
                .body("message", equalTo("Field 'code' must be a string"));
    }
}
