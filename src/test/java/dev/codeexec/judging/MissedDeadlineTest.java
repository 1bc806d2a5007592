package dev.codeexec.judging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A case whose launcher misses its deadline costs the sandbox (the service kills the container),
 * not the request: that case is a TIMEOUT and the cases after it run in a fresh sandbox with their
 * own verdicts. With no grace at all, the launcher's report for a case that runs to its time limit
 * always comes too late, so the service's backstop acts on every such case.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
@TestProfile(MissedDeadlineTest.NoGrace.class)
class MissedDeadlineTest {

    public static class NoGrace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.docker.launcher-grace", "0ms", "code-exec.languages.enabled", "python,c",
                    "code-exec.pool.enabled", "false");
        }
    }

    private static final String ECHO_OR_HANG = "import time\nw = input()\nif w == 'hang':\n    time.sleep(60)\nprint(w)\n";

    @Test
    void aCaseWhoseLauncherMissesTheDeadlineIsATimeoutAndTheOthersRunOn() {
        Api.awaitReady();
        given().contentType(ContentType.JSON).body(Map.of("code", ECHO_OR_HANG, "timeoutMs", 1500, "tests", List.of(
                Map.of("input", "1\n", "expectedOutput", "1\n"),
                Map.of("input", "hang\n", "expectedOutput", "2\n"),
                Map.of("input", "3\n", "expectedOutput", "3\n"),
                Map.of("input", "hang\n"),
                Map.of("input", "5\n", "expectedOutput", "5\n"))))
                .post("/run/python").then().statusCode(200)
                .body("tests", hasSize(5))
                .body("tests.verdict", equalTo(List.of("ACCEPTED", "TIMEOUT", "ACCEPTED", "TIMEOUT", "ACCEPTED")))
                .body("tests[2].stdout", equalTo("3\n")).body("tests[4].stdout", equalTo("5\n"))
                .body("summary.passed", equalTo(3));
    }

    @Test
    void aCompiledProgramRunsOnFromItsArtefacts() {
        Api.awaitReady();
        String c = "#include <stdio.h>\n#include <unistd.h>\nint main(void) { int n = 0; scanf(\"%d\", &n);"
                + " if (n < 0) for (;;) pause(); printf(\"%d\\n\", n * 2); return 0; }\n";
        given().contentType(ContentType.JSON).body(Map.of("code", c, "timeoutMs", 1500, "tests", List.of(
                Map.of("input", "-1\n"),
                Map.of("input", "21\n", "expectedOutput", "42\n"))))
                .post("/run/c").then().statusCode(200)
                .body("tests.verdict", equalTo(List.of("TIMEOUT", "ACCEPTED")));
    }
}
