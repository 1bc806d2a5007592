package dev.codeexec.judging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Test cases on /run: one compilation, one clean run per case, verdicts, against the real engine. */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class TestCasesTest {

    /** Reads n, then n numbers; prints their sum. */
    static final String SUM_CPP = """
            #include <iostream>
            int main() { long n, x, s = 0; std::cin >> n; for (long i = 0; i < n; i++) { std::cin >> x; s += x; }
              std::cout << s << std::endl; return 0; }
            """;
    /** The classic off-by-one: skips the last number. */
    static final String SUM_OFF_BY_ONE_CPP = SUM_CPP.replace("i < n", "i < n - 1");

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    static Response post(String language, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/run/" + language);
    }

    /** Case i sums 1..i (i = 1..count); the expected output is i(i+1)/2. */
    static List<Map<String, Object>> sumCases(int count) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            StringBuilder in = new StringBuilder().append(i).append('\n');
            for (int k = 1; k <= i; k++) {
                in.append(k).append(k == i ? "\n" : " ");
            }
            cases.add(Map.of("name", "sum to " + i, "input", in.toString(), "expectedOutput", (long) i * (i + 1) / 2 + "\n"));
        }
        return cases;
    }

    /**
     * Ten cases print ~1 MiB each, past the request's output budget (8 MiB by default): the answer
     * keeps at most the budget, every case still has its verdict, judged on all it printed (the
     * last two print a short line after the budget is spent: one right, one wrong).
     */
    @Test
    void theOutputOfAllCasesTogetherStaysWithinTheRequestBudget() {
        long budget = 8L * 1024 * 1024;
        String code = "import sys\nw = input()\nsys.stdout.write('x' * 1000000 if w == 'big' else w)\n";
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(Map.of("input", "big\n"));
        }
        cases.add(Map.of("input", "42\n", "expectedOutput", "42\n"));
        cases.add(Map.of("input", "41\n", "expectedOutput", "42\n"));
        Response r = post("python", Map.of("code", code, "tests", cases, "timeoutMs", 4000));
        r.then().statusCode(200).body("tests", hasSize(12)).body("summary.passed", equalTo(11))
                .body("status", equalTo("WRONG_ANSWER"));
        assertTrue(r.asByteArray().length <= budget + 64 * 1024, "the answer is " + r.asByteArray().length + " bytes");
        JsonPath json = r.jsonPath();
        long kept = 0;
        for (int i = 0; i < 12; i++) {
            assertEquals("OK", json.getString("tests[" + i + "].status"), "case " + i);
            kept += json.getString("tests[" + i + "].stdout").length() + json.getString("tests[" + i + "].stderr").length();
        }
        assertTrue(kept <= budget, kept + " bytes of output kept");
        assertEquals("x".repeat(1000000), json.getString("tests[0].stdout"));
        assertEquals(false, json.getBoolean("tests[0].truncated"));
        assertEquals(true, json.getBoolean("tests[9].truncated"));
        assertEquals("ACCEPTED", json.getString("tests[10].verdict"));
        assertEquals(true, json.getBoolean("tests[10].truncated"));
        assertEquals("WRONG_ANSWER", json.getString("tests[11].verdict"));
    }

    @Test
    void aCorrectCppSolutionPassesTwentyCasesWithOneCompilation() {
        Response r = post("cpp", Map.of("code", SUM_CPP, "tests", sumCases(20)));
        r.then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("summary.passed", equalTo(20)).body("summary.failed", equalTo(0))
                .body("summary.total", equalTo(20)).body("summary.verdict", equalTo("ACCEPTED"))
                .body("compile.status", equalTo("OK"))
                .body("tests", hasSize(20))
                .body("tests[19].name", equalTo("sum to 20")).body("tests[19].stdout", equalTo("210\n"))
                .body("exitCode", nullValue());
        JsonPath json = r.jsonPath();
        for (int i = 0; i < 20; i++) {
            assertEquals("ACCEPTED", json.getString("tests[" + i + "].verdict"));
            assertTrue(json.getLong("tests[" + i + "].memoryKb") > 0, "memory is reported per case");
        }
    }

    @Test
    void anOffByOneFailsExactlyTheCasesItShould() {
        // Summing 1..i without the last number is wrong for every i (i >= 1).
        List<Map<String, Object>> cases = new ArrayList<>(sumCases(3));
        cases.add(0, Map.of("name", "empty", "input", "0\n", "expectedOutput", "0\n"));
        Response r = post("cpp", Map.of("code", SUM_OFF_BY_ONE_CPP, "tests", cases));
        r.then().statusCode(200).body("status", equalTo("WRONG_ANSWER"))
                .body("summary.passed", equalTo(1)).body("summary.failed", equalTo(3))
                .body("tests.verdict", equalTo(List.of("ACCEPTED", "WRONG_ANSWER", "WRONG_ANSWER", "WRONG_ANSWER")))
                .body("tests[1].stdout", equalTo("0\n")).body("tests[2].stdout", equalTo("1\n"));
    }

    @Test
    void onlyTheCaseThatLoopsForeverTimesOut() {
        String code = "n = int(input())\nwhile n == 2: pass\nprint(n * 10)";
        List<Map<String, Object>> cases = List.of(Map.of("input", "1\n", "expectedOutput", "10"),
                Map.of("input", "2\n", "expectedOutput", "20"), Map.of("input", "3\n", "expectedOutput", "30"));
        post("python", Map.of("code", code, "tests", cases, "timeoutMs", 1000)).then().statusCode(200)
                .body("tests.verdict", equalTo(List.of("ACCEPTED", "TIMEOUT", "ACCEPTED")))
                .body("tests.name", equalTo(List.of("case 1", "case 2", "case 3")))
                .body("status", equalTo("TIMEOUT")).body("summary.passed", equalTo(2));
    }

    @Test
    void aCaseCannotSeeWhatAnEarlierCaseLeft() {
        String code = """
                import os, subprocess, sys
                case = sys.stdin.read().strip()
                seen = sorted(set(os.listdir('.')) - {'main.py'}) + sorted(os.listdir('/tmp')) + sorted(os.listdir('/dev/shm'))
                procs = [p for p in os.listdir('/proc') if p.isdigit()]
                print(case, seen, len(procs))
                open('left-' + case, 'w').write('x'); open('/tmp/t-' + case, 'w').write('x')
                open('/dev/shm/s-' + case, 'w').write('x')
                subprocess.Popen(['sleep', '60'])
                """;
        List<Map<String, Object>> cases = List.of(Map.of("input", "a"), Map.of("input", "b"), Map.of("input", "c"));
        post("python", Map.of("code", code, "tests", cases)).then().statusCode(200)
                .body("tests.stdout", equalTo(List.of("a [] 2\n", "b [] 2\n", "c [] 2\n")))
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void theCompiledProgramIsReadOnlyToEveryCase() {
        String code = """
                #include <stdio.h>
                #include <unistd.h>
                int main() { FILE *f = fopen("main", "w"); printf("%s %s\\n", f ? "changed" : "read-only",
                    unlink("main") == 0 ? "deleted" : "kept"); return 0; }
                """;
        post("c", Map.of("code", code, "tests", List.of(Map.of(), Map.of()))).then().statusCode(200)
                .body("tests.stdout", equalTo(List.of("read-only kept\n", "read-only kept\n")));
    }

    @Test
    void aCompileErrorRunsNoCase() {
        post("cpp", Map.of("code", "int main() { return nope; }", "tests", sumCases(3))).then().statusCode(200)
                .body("status", equalTo("COMPILE_ERROR")).body("compile.status", equalTo("COMPILE_ERROR"))
                .body("tests", hasSize(0)).body("summary.verdict", equalTo("COMPILE_ERROR"))
                .body("summary.total", equalTo(3)).body("message", containsString("nope"));
    }

    @Test
    void stopOnFirstFailureSkipsTheRest() {
        String code = "print(int(input()) * 2)";
        List<Map<String, Object>> cases = List.of(Map.of("input", "1", "expectedOutput", "2"),
                Map.of("input", "2", "expectedOutput", "5"), Map.of("input", "3", "expectedOutput", "6"));
        post("python", Map.of("code", code, "tests", cases, "stopOnFirstFailure", true)).then().statusCode(200)
                .body("tests.verdict", equalTo(List.of("ACCEPTED", "WRONG_ANSWER", "SKIPPED")))
                .body("tests[2].stdout", nullValue())
                .body("summary.skipped", equalTo(1)).body("summary.failed", equalTo(1));
        post("python", Map.of("code", code, "tests", cases)).then().statusCode(200)
                .body("tests.verdict", equalTo(List.of("ACCEPTED", "WRONG_ANSWER", "ACCEPTED")));
    }

    @Test
    void compareModes() {
        record Case(String printed, String expected, String mode, String verdict) {
        }
        List<Case> cases = List.of(
                new Case("1 2\\n", "1 2", "exact", "WRONG_ANSWER"),
                new Case("1 2\\n", "1 2\n", "exact", "ACCEPTED"),
                new Case("1 2  \\n\\n", "1 2", "lines", "ACCEPTED"),
                new Case("1  2", "1 2", "lines", "WRONG_ANSWER"),
                new Case("1\\n  2", "1 2", "tokens", "ACCEPTED"),
                new Case("0.3333334", "0.333333", "float", "ACCEPTED"),
                new Case("0.34", "0.333333", "float", "WRONG_ANSWER"));
        for (Case c : cases) {
            String program = "import sys\nsys.stdout.write('" + c.printed() + "')";
            post("python", Map.of("code", program, "compare", c.mode(), "tolerance", 1e-5,
                    "tests", List.of(Map.of("expectedOutput", c.expected())))).then().statusCode(200)
                    .body("tests[0].verdict", equalTo(c.verdict()));
        }
    }

    @Test
    void argsPerCaseAndCasesWithoutExpectedOutput() {
        String code = "import sys\nprint(' '.join(sys.argv[1:]))\nsys.exit(len(sys.argv) - 2)";
        post("python", Map.of("code", code, "args", List.of("default"),
                "tests", List.of(Map.of(), Map.of("args", List.of("a", "b"))))).then().statusCode(200)
                .body("tests.stdout", equalTo(List.of("default\n", "a b\n")))
                .body("tests.verdict", equalTo(List.of("ACCEPTED", "RUNTIME_ERROR")));
    }

    @Test
    void badTestRequestsAre400AndRunNothing() {
        Map<String, Object> one = Map.of("input", "x");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            tooMany.add(one);
        }
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("tests must hold between 1 and 64 cases", "{\"code\": \"x\", \"tests\": " + json(tooMany) + "}");
        bad.put("tests must hold between 1 and 64 cases ", "{\"code\": \"x\", \"tests\": []}");
        bad.put("input cannot be combined with tests", "{\"code\": \"x\", \"input\": \"1\", \"tests\": [{}]}");
        bad.put("compare must be one of", "{\"code\": \"x\", \"compare\": \"regex\", \"tests\": [{}]}");
        bad.put("compare, tolerance and stopOnFirstFailure need tests", "{\"code\": \"x\", \"compare\": \"exact\"}");
        bad.put("tests[1].input is over the limit", "{\"code\": \"x\", \"tests\": [{}, {\"input\": \""
                + "y".repeat(1024 * 1024 + 1) + "\"}]}");
        bad.put("tests[0].expectedOutput is over the output limit", "{\"code\": \"x\", \"tests\": [{\"expectedOutput\": \""
                + "y".repeat(1024 * 1024 + 1) + "\"}]}");
        bad.put("tests: 21 cases × 3000 ms", "{\"code\": \"x\", \"tests\": " + json(tooMany.subList(0, 21)) + "}");
        bad.put("Unknown field 'expected'", "{\"code\": \"x\", \"tests\": [{\"expected\": \"1\"}]}");
        bad.put("tolerance must be a number", "{\"code\": \"x\", \"compare\": \"float\", \"tolerance\": -1, \"tests\": [{}]}");
        bad.forEach((message, body) -> given().contentType(ContentType.JSON).body(body).post("/run/python").then()
                .statusCode(400).contentType(ContentType.JSON).body("message", startsWith(message.trim())));
    }

    private static String json(List<Map<String, Object>> cases) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < cases.size(); i++) {
            out.append(i == 0 ? "" : ",").append("{\"input\": \"x\"}");
        }
        return out.append("]").toString();
    }

    @Test
    void verdictsAreCountedInMetrics() {
        post("python", Map.of("code", "print(1)", "tests", List.of(Map.of("expectedOutput", "1"),
                Map.of("expectedOutput", "2")))).then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("codeexec_test_verdicts_total{language=\"python\",verdict=\"ACCEPTED\"}"), metrics);
        assertTrue(metrics.contains("codeexec_test_verdicts_total{language=\"python\",verdict=\"WRONG_ANSWER\"}"));
    }

    @Test
    void aCaseOverItsCpuTimeIsATimeoutNotARuntimeError() {
        // The kernel's RLIMIT_CPU signal (SIGXCPU) may come before the launcher's own CPU accounting
        // sees the limit: either way the case ran out of time.
        given().contentType(ContentType.JSON).body(Map.of("code", "import sys\nif sys.stdin.read().strip() == 'spin':\n    while True: pass\nprint('done')",
                "cpuTimeMs", 1000, "tests", List.of(Map.of("input", "quick", "expectedOutput", "done"),
                        Map.of("input", "spin", "expectedOutput", "done"))))
                .post("/run/python").then().statusCode(200)
                .body("tests[0].verdict", equalTo("ACCEPTED"))
                .body("tests[1].verdict", equalTo("TIMEOUT"))
                .body("summary.verdict", equalTo("TIMEOUT"));
    }
}
