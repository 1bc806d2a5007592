package dev.codeexec.piston;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codeexec.support.Api;
import dev.codeexec.support.Piston;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever Piston's API refuses gets 400 {"message"} naming the field, and nothing reaches the engine. */
@QuarkusTest
class PistonBadRequestTest {

    private double runsBefore;

    @BeforeEach
    void countRuns() {
        Api.awaitReady();
        runsBefore = Piston.pistonExecutions();
    }

    @AfterEach
    void noneRan() {
        assertEquals(runsBefore, Piston.pistonExecutions(), "a refused request reached the engine");
    }

    private static final String PY = "\"language\": \"python\", \"version\": \"*\"";
    private static final String FILES = "\"files\": [{\"content\": \"print(1)\"}]";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                  | language is required as a string",
            "`{\"language\": \"\", \"version\": \"*\"}`          | language is required as a string",
            "`{\"language\": 5, \"version\": \"*\"}`             | language must be a string",
            "`{\"language\": \"python\", " + FILES + "}`         | version is required as a string",
            "`{\"language\": \"python\", \"version\": 3, " + FILES + "}` | version must be a string",
            "`{" + PY + "}`                                      | files is required as an array",
            "`{" + PY + ", \"files\": \"print(1)\"}`             | files must be an array",
            "`{" + PY + ", \"files\": [1]}`                      | files[0] must be an object",
            "`{" + PY + ", \"files\": [{\"name\": \"a.py\"}]}`   | files[0].content is required as a string",
            "`{" + PY + ", \"files\": [{\"content\": 5}]}`       | files[0].content must be a string",
            "`{\"language\": \"cobol\", \"version\": \"*\", " + FILES + "}` | cobol-* runtime is unknown",
            "`{\"language\": \"python\", \"version\": \"99\", " + FILES + "}` | python-99 runtime is unknown",
            "`{\"language\": \"python\", \"version\": \"x.y.z\", " + FILES + "}` | python-x.y.z runtime is unknown",
            "`{" + PY + ", \"files\": []}`                       | files must include at least one utf8 encoded file",
            "`{" + PY + ", \"files\": [{\"content\": \"cHJpbnQoMSk=\", \"encoding\": \"base64\"}]}` | files must include at least one utf8 encoded file",
            "`{" + PY + ", \"files\": [{\"content\": \"x\"}, {\"content\": \"x\", \"encoding\": \"latin1\"}]}` | files[1].encoding must be utf8, base64 or hex",
            "`{" + PY + ", \"files\": [{\"content\": \"x\"}, {\"content\": \"zz\", \"encoding\": \"hex\"}]}` | files[1].content is not valid hex",
            "`{" + PY + ", \"files\": [{\"content\": \"x\"}, {\"content\": \"@@\", \"encoding\": \"base64\"}]}` | files[1].content is not valid base64",
            "`{" + PY + ", \"files\": [{\"name\": \"../x.py\", \"content\": \"x\"}]}` | files[0].name must be a plain file name (no '/', no '..', no control characters, at most 255 bytes)",
            "`{" + PY + ", " + FILES + ", \"run_timeout\": \"3000\"}` | If specified, run_timeout must be a number",
            "`{" + PY + ", " + FILES + ", \"compile_timeout\": true}` | If specified, compile_timeout must be a number",
            "`{" + PY + ", " + FILES + ", \"run_memory_limit\": [1]}` | If specified, run_memory_limit must be a number",
            "`{" + PY + ", " + FILES + ", \"run_timeout\": 10001}` | run_timeout cannot exceed the configured limit of 10000",
            "`{" + PY + ", " + FILES + ", \"compile_timeout\": 30001}` | compile_timeout cannot exceed the configured limit of 30000",
            "`{" + PY + ", " + FILES + ", \"run_cpu_time\": 1e9}` | run_cpu_time cannot exceed the configured limit of 10000",
            "`{" + PY + ", " + FILES + ", \"compile_cpu_time\": 40000}` | compile_cpu_time cannot exceed the configured limit of 30000",
            "`{" + PY + ", " + FILES + ", \"run_memory_limit\": 536870913}` | run_memory_limit cannot exceed the configured limit of 536870912",
            "`{" + PY + ", " + FILES + ", \"compile_memory_limit\": 2e9}` | compile_memory_limit cannot exceed the configured limit of 1073741824",
            "`{" + PY + ", " + FILES + ", \"run_memory_limit\": 1000000}` | run_memory_limit must be at least 16777216",
            "`{" + PY + ", " + FILES + ", \"run_timeout\": -5}` | run_timeout must be non-negative",
            "`{" + PY + ", " + FILES + ", \"args\": [1]}`        | args[0] must be a string",
            "`{" + PY + ", " + FILES + ", \"args\": \"a b\"}`    | args must be an array",
            "`{" + PY + ", " + FILES + ", \"stdin\": 5}`         | stdin must be a string",
            "[]                                                  | The body must be a JSON object",
            "`{\"language\": `                                    | Malformed JSON"})
    void refusedWithAMessageNamingTheField(String body, String message) {
        Response r = Piston.execute(body);
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("application/json", r.contentType());
        Map<String, Object> answer = r.jsonPath().getMap("$");
        assertEquals(1, answer.size(), "Piston answers {message} alone: " + answer);
        String actual = (String) answer.get("message");
        if (message.equals("Malformed JSON")) {
            assertEquals(true, actual.startsWith(message), actual);
        } else {
            assertEquals(message, actual);
        }
    }
}
