package dev.codeexec.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every numeric limit of the three APIs, sent out of range (huge floats, 1e308, negative fractions,
 * NaN-like strings, just past int and long): each answers 400 naming the field, never 200 or 500.
 */
@QuarkusTest
class NumericLimitsTest {

    private static final List<String> BAD = List.of("1e308", "1.0E19", "1e400", "-0.5", "\"NaN\"", "\"Infinity\"",
            "\"-Infinity\"", "2147483648", "9223372036854775808", "-2147483649");

    @BeforeAll
    static void ready() {
        Api.awaitReady();
    }

    @Test
    void ownApi() {
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("timeoutMs", "memoryMb", "cpuTimeMs", "compileTimeoutMs", "compileMemoryMb")) {
            for (String value : BAD) {
                check(wrong, field, value, given().contentType(ContentType.JSON)
                        .body("{\"code\": \"int main(void){return 0;}\", \"" + field + "\": " + value + "}").post("/run/c"));
            }
        }
        for (String value : BAD) {
            check(wrong, "tolerance", value, given().contentType(ContentType.JSON)
                    .body("{\"code\": \"print(1)\", \"compare\": \"float\", \"tests\": [{\"expectedOutput\": \"1\"}], "
                            + "\"tolerance\": " + value + "}").post("/run/python"));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void piston() {
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("run_timeout", "compile_timeout", "run_memory_limit", "compile_memory_limit",
                "run_cpu_time", "compile_cpu_time")) {
            for (String value : BAD) {
                check(wrong, field, value, given().contentType(ContentType.JSON)
                        .body("{\"language\": \"c\", \"version\": \"*\", \"files\": [{\"content\": \"int main(void){return 0;}\"}], \""
                                + field + "\": " + value + "}").post("/api/v2/execute"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void judge0() {
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("cpu_time_limit", "wall_time_limit", "memory_limit")) {
            for (String value : BAD) {
                check(wrong, field, value, given().contentType(ContentType.JSON)
                        .body("{\"source_code\": \"print(1)\", \"language_id\": 71, \"" + field + "\": " + value + "}")
                        .post("/submissions?wait=true"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, String field, String value, Response answer) {
        String body = answer.asString();
        if (answer.statusCode() != 400 || !body.contains(field)) {
            wrong.add(field + "=" + value + " -> " + answer.statusCode() + " " + body);
        }
    }
}
