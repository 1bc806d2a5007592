package dev.codeexec.judge0;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Judge0 CE's synchronous API, driven as a Judge0 client would, against the real engine: the
 * examples of Judge0's documentation (with CE's id for C, 50, where the old docs say 4), each
 * status a program can reach, and the refusals.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class Judge0ApiTest {

    /** Judge0's documentation example: reads a name, greets it. */
    static final String HELLO_C = "#include <stdio.h>\n\nint main(void) {\n  char name[10];\n  scanf(\"%s\", name);\n"
            + "  printf(\"hello, %s\\n\", name);\n  return 0;\n}";

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private static Response submit(String query, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/submissions" + query);
    }

    @Test
    void theDocumentationsWaitExampleIsAccepted() {
        // language_id as a string, as in the documentation's example.
        submit("?base64_encoded=false&wait=true", Map.of("source_code", HELLO_C, "language_id", "50",
                "stdin", "Judge0", "expected_output", "hello, Judge0"))
                .then().statusCode(201)
                .body("stdout", equalTo("hello, Judge0\n"))
                .body("stderr", nullValue())
                .body("compile_output", nullValue())
                .body("message", nullValue())
                .body("status.id", equalTo(3))
                .body("status.description", equalTo("Accepted"))
                .body("time", startsWith("0."))
                .body("token", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("$", not(hasKey("exit_code")));
    }

    @Test
    void base64InAndOut() {
        String source = Base64.getEncoder().encodeToString(HELLO_C.getBytes(StandardCharsets.UTF_8));
        submit("?base64_encoded=true&wait=true", Map.of("source_code", source, "language_id", 50, "stdin", "SnVkZ2Uw"))
                .then().statusCode(201)
                .body("status.id", equalTo(3))
                .body("stdout", equalTo(Base64.getEncoder().encodeToString("hello, Judge0\n".getBytes(StandardCharsets.UTF_8))));
        submit("?base64_encoded=true&wait=true", Map.of("source_code", "not base64!", "language_id", 71))
                .then().statusCode(400).body("source_code[0]", equalTo("is not valid Base64"));
    }

    @Test
    void everyStatusAProgramCanReach() {
        submit("?wait=true", Map.of("source_code", "print(input()[::-1])", "language_id", 71, "stdin", "abc",
                "expected_output", "abc")).then().statusCode(201)
                .body("status.id", equalTo(4)).body("status.description", equalTo("Wrong Answer"))
                .body("stdout", equalTo("cba\n"));
        submit("?wait=true", Map.of("source_code", "int main() { return }", "language_id", 54)).then().statusCode(201)
                .body("status.id", equalTo(6)).body("compile_output", containsString("error"))
                .body("stdout", nullValue()).body("time", nullValue());
        submit("?wait=true", Map.of("source_code", "while True: pass", "language_id", 92, "cpu_time_limit", 1))
                .then().statusCode(201).body("status.id", equalTo(5));
        submit("?wait=true", Map.of("source_code", "import time\ntime.sleep(5)", "language_id", 92, "wall_time_limit", 0.5))
                .then().statusCode(201).body("status.id", equalTo(5))
                .body("status.description", equalTo("Time Limit Exceeded"));
        submit("?wait=true&fields=status,exit_code,exit_signal,stderr,message", Map.of("source_code",
                "import sys\nsys.stderr.write('bad\\n')\nsys.exit(3)", "language_id", 71)).then().statusCode(201)
                .body("status.id", equalTo(11)).body("exit_code", equalTo(3)).body("exit_signal", nullValue())
                .body("stderr", equalTo("bad\n")).body("message", equalTo("Exited with error status 3"));
        submit("?wait=true&fields=status,exit_signal", Map.of("source_code",
                "int main(void) { volatile int *p = 0; return *p; }", "language_id", 50)).then().statusCode(201)
                .body("status.id", equalTo(7)).body("exit_signal", equalTo(11));
        submit("?wait=true&fields=status,exit_signal", Map.of("source_code",
                "#include <stdlib.h>\nint main(void) { abort(); }", "language_id", 50)).then().statusCode(201)
                .body("status.id", equalTo(10)).body("exit_signal", equalTo(6));
    }

    @Test
    void argumentsAreSplitLikeAShellWouldAndStderrCanJoinStdout() {
        submit("?wait=true&fields=stdout,stderr,status", Map.of("source_code",
                "import sys\nprint(sys.argv[1:])\nprint('err', file=sys.stderr)", "language_id", 71,
                "command_line_arguments", "a 'b c' \"d e\" f\\ g", "redirect_stderr_to_stdout", true))
                .then().statusCode(201)
                .body("stdout", equalTo("['a', 'b c', 'd e', 'f g']\nerr\n"))
                .body("stderr", nullValue());
    }

    /** As in Judge0, the expected output is compared with the stream the client asked for: both, merged. */
    @Test
    void expectedOutputIsJudgedAgainstTheCombinedStreamWhenRedirected() {
        String code = "import sys\nprint('out', flush=True)\nprint('err', file=sys.stderr, flush=True)";
        submit("?wait=true&fields=stdout,stderr,status", Map.of("source_code", code, "language_id", 71,
                "expected_output", "out\nerr\n", "redirect_stderr_to_stdout", true))
                .then().statusCode(201)
                .body("stdout", equalTo("out\nerr\n")).body("status.id", equalTo(3));
        submit("?wait=true&fields=status", Map.of("source_code", code, "language_id", 71,
                "expected_output", "out\nerr\n"))
                .then().statusCode(201).body("status.id", equalTo(4));
        submit("?wait=true&fields=status", Map.of("source_code", code, "language_id", 71,
                "expected_output", "out\n"))
                .then().statusCode(201).body("status.id", equalTo(3));
    }

    @Test
    void allFieldsOrSome() {
        submit("?wait=true&fields=*", Map.of("source_code", "print(6 * 7)", "language_id", 71, "memory_limit", 65536))
                .then().statusCode(201)
                .body("stdout", equalTo("42\n")).body("status_id", equalTo(3)).body("exit_code", equalTo(0))
                .body("language.id", equalTo(71)).body("language.name", startsWith("Python (3."))
                .body("memory_limit", equalTo(65536)).body("wall_time", startsWith("0."))
                .body("memory", org.hamcrest.Matchers.greaterThan(0));
        submit("?wait=true&fields=stdout,bogus", Map.of("source_code", "print(1)", "language_id", 71))
                .then().statusCode(400).body("error", equalTo("invalid fields: [bogus]"));
    }

    @Test
    void refusalsNameTheFieldAndRunNothing() {
        double before = judge0Runs();
        submit("", Map.of("source_code", "print(1)", "language_id", 71)).then().statusCode(400)
                .body("error", containsString("wait=true"));
        submit("?wait=false", Map.of("source_code", "print(1)", "language_id", 71)).then().statusCode(400);
        submit("?wait=true", Map.of("source_code", "print(1)")).then().statusCode(400)
                .body("language_id[0]", equalTo("can't be blank"));
        submit("?wait=true", Map.of("source_code", "print(1)", "language_id", 150000)).then().statusCode(400)
                .body("language_id[0]", equalTo("language with id 150000 doesn't exist"));
        submit("?wait=true", Map.of("language_id", 71)).then().statusCode(400)
                .body("source_code[0]", equalTo("can't be blank"));
        submit("?wait=true", Map.of("source_code", "print(1)", "language_id", 71, "wall_time_limit", 100000))
                .then().statusCode(400).body("wall_time_limit[0]", startsWith("must be less than or equal to"));
        submit("?wait=true", Map.of("source_code", "print(1)", "language_id", 71, "memory_limit", 1))
                .then().statusCode(400).body("memory_limit[0]", startsWith("must be greater than or equal to"));
        submit("?wait=true", Map.of("source_code", "print(1)", "language_id", 71, "compiler_options", "-O3"))
                .then().statusCode(400).body("$", hasKey("compiler_options"));
        submit("?wait=true", Map.of("source_code", "print(1)", "language_id", 71, "command_line_arguments", "'open"))
                .then().statusCode(400).body("$", hasKey("command_line_arguments"));
        given().contentType(ContentType.JSON).body("[1, 2]").post("/submissions?wait=true").then().statusCode(400)
                .body("error", containsString("JSON object"));
        given().contentType(ContentType.JSON).body("{\"source_code\": ").post("/submissions?wait=true").then()
                .statusCode(400);
        assertEquals(before, judge0Runs(), "nothing ran");
        given().get("/submissions/d85cd024-1548-4165-96c7-7bc88673f194").then().statusCode(404)
                .body("error", containsString("wait=true"));
    }

    @Test
    void languagesAndStatuses() {
        given().get("/languages").then().statusCode(200)
                .body("id", hasItem(92)).body("id", hasItem(50)).body("id", hasItem(54)).body("id", hasItem(91))
                .body("find { it.id == 92 }.name", startsWith("Python (3.11"))
                .body("find { it.id == 93 }.name", startsWith("JavaScript (Node.js 18."));
        given().get("/languages/62").then().statusCode(200).body("id", equalTo(62))
                .body("source_file", equalTo("Main.java")).body("compile_cmd", containsString("compile"));
        given().get("/languages/50").then().statusCode(200).body("source_file", equalTo("main.c"))
                .body("compile_cmd", containsString("gcc")).body("run_cmd", equalTo("./main"));
        given().get("/languages/71").then().statusCode(200).body("compile_cmd", nullValue());
        given().get("/languages/4").then().statusCode(404);
        given().get("/statuses").then().statusCode(200).body("$", hasSize(14))
                .body("find { it.id == 3 }.description", equalTo("Accepted"))
                .body("find { it.id == 13 }.description", equalTo("Internal Error"));
        // Judge0's older ids for the same languages run them too.
        submit("?wait=true", Map.of("source_code", "print('old id')", "language_id", 71)).then().statusCode(201)
                .body("stdout", equalTo("old id\n"));
    }

    @Test
    void countedUnderItsOwnApiInTheMetrics() {
        double before = judge0Runs();
        submit("?wait=true", Map.of("source_code", "print(1)", "language_id", 71)).then().statusCode(201);
        assertTrue(judge0Runs() >= before + 1, "api=judge0 counted");
    }

    private static double judge0Runs() {
        String metrics = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("codeexec_executions_total\\{api=\"judge0\",language=\"python\",status=\"OK\"} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
