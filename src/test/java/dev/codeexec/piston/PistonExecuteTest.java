package dev.codeexec.piston;

import static dev.codeexec.support.Piston.execute;
import static dev.codeexec.support.Piston.job;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Piston's /api/v2 against real containers: runtimes, version ranges, stdin, args, files, statuses. */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class PistonExecuteTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void runtimesListTheReadyLanguagesWithPlainVersions() {
        List<Map<String, Object>> ours = given().get("/runtimes").then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> piston = given().get("/api/v2/runtimes").then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> ready = ours.stream().filter(r -> Boolean.TRUE.equals(r.get("ready"))).toList();
        assertEquals(ready.size(), piston.size(), piston.toString());
        for (Map<String, Object> r : ready) {
            Map<String, Object> p = piston.stream().filter(x -> x.get("language").equals(r.get("language"))).findFirst()
                    .orElseThrow(() -> new AssertionError("missing " + r));
            assertEquals(r.get("aliases"), p.get("aliases"));
            String version = (String) p.get("version");
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
            String first = version.substring(0, version.indexOf('.'));
            assertTrue(((String) r.get("version")).replaceFirst("^\\d+:", "").startsWith(first), r + " vs " + p);
        }
    }

    @Test
    void versionRangesPickTheRuntimeAndAliasesWork() {
        String version = PistonDocsExamplesTest.runtimeVersion("python");
        String[] parts = version.split("\\.");
        for (String range : List.of(version, parts[0] + "." + parts[1], parts[0], parts[0] + ".x", "*", "x",
                ">=" + parts[0] + " <1000", "^" + parts[0] + "." + parts[1], "~" + parts[0] + "." + parts[1] + ".0",
                "1.0.0 - " + parts[0] + ".x", "0.1 || " + parts[0])) {
            execute(job("py", range, "print('hi')")).then().statusCode(200)
                    .body("language", equalTo("python")).body("version", equalTo(version))
                    .body("run.stdout", equalTo("hi\n"));
        }
        for (String range : List.of("2", (Integer.parseInt(parts[0]) + 1) + ".x", "<" + parts[0], "banana", "3.11.2-rc1")) {
            execute(job("python", range, "print('hi')")).then().statusCode(400)
                    .body("message", equalTo("python-" + range + " runtime is unknown"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "javascript", "ruby", "c"})
    void stdinAndArgsReachTheProgram(String language) {
        String code = switch (language) {
            case "python" -> "import sys\nprint(sys.stdin.read().upper(), end='')\nprint(sys.argv[1:])";
            case "javascript" -> "const d = require('fs').readFileSync(0, 'utf8');\n"
                    + "process.stdout.write(d.toUpperCase());\nconsole.log(process.argv.slice(2));";
            case "ruby" -> "print STDIN.read.upcase\np ARGV";
            default -> "#include <stdio.h>\n#include <ctype.h>\nint main(int argc, char **argv) {\n"
                    + "  int c; while ((c = getchar()) != EOF) putchar(toupper(c));\n"
                    + "  for (int i = 1; i < argc; i++) printf(\"%s;\", argv[i]);\n  printf(\"\\n\");\n  return 0;\n}\n";
        };
        String args = switch (language) {
            case "python" -> "['a', 'b c']\n";
            case "javascript" -> "[ 'a', 'b c' ]\n";
            case "ruby" -> "[\"a\", \"b c\"]\n";
            default -> "a;b c;\n";
        };
        Response r = execute(job(language, "*", code, "stdin", "first\nsecond\n", "args", List.of("a", "b c")));
        r.then().statusCode(200).body("run.stdout", equalTo("FIRST\nSECOND\n" + args))
                .body("run.code", equalTo(0)).body("run.signal", nullValue())
                .body("run.status", nullValue()).body("run.message", nullValue());
        if (language.equals("c")) {
            r.then().body("compile.code", equalTo(0)).body("compile.status", nullValue());
        } else {
            assertTrue(!r.jsonPath().getMap("$").containsKey("compile"), r.asString());
        }
    }

    @Test
    void stdinWithoutAFinalNewlineGetsOneAsInPiston() {
        execute(job("python", "*", "import sys; print(repr(sys.stdin.read()))", "stdin", "abc")).then()
                .statusCode(200).body("run.stdout", equalTo("'abc\\n'\n"));
        execute(job("python", "*", "import sys; print(repr(sys.stdin.read()))")).then()
                .statusCode(200).body("run.stdout", equalTo("'\\n'\n"));
    }

    @Test
    void statusesAreMappedToPistons() {
        execute(job("python", "*", "import sys; print('out'); sys.exit(3)")).then().statusCode(200)
                .body("run.status", equalTo("RE")).body("run.code", equalTo(3)).body("run.signal", nullValue())
                .body("run.message", equalTo("Exited with error status 3")).body("run.stdout", equalTo("out\n"));
        execute(job("python", "*", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")).then().statusCode(200)
                .body("run.status", equalTo("SG")).body("run.code", nullValue()).body("run.signal", equalTo("SIGSEGV"))
                .body("run.message", equalTo("Caught fatal signal 11"));
        execute(job("python", "*", "while True: pass", "run_timeout", 500)).then().statusCode(200)
                .body("run.status", equalTo("TO")).body("run.code", nullValue()).body("run.signal", equalTo("SIGKILL"))
                .body("run.message", containsString("500 ms"));
        execute(job("python", "*", "while True: pass", "run_timeout", 8000, "run_cpu_time", 300)).then().statusCode(200)
                .body("run.status", equalTo("TO")).body("run.signal", equalTo("SIGKILL"))
                .body("run.message", equalTo("CPU time limit exceeded"));
        execute(job("python", "*", "s = 'x' * (200 << 20); print(len(s))", "run_memory_limit", 64 << 20)).then().statusCode(200)
                .body("run.status", equalTo("SG")).body("run.code", nullValue()).body("run.signal", equalTo("SIGKILL"))
                .body("run.message", containsString("Memory limit of 64 MiB"));
        execute(job("python", "*", "while True: print('x' * 1000)")).then().statusCode(200)
                .body("run.status", equalTo("OL")).body("run.signal", equalTo("SIGKILL"));
        execute(job("python", "*", "import sys\nwhile True: sys.stderr.write('x' * 1000 + '\\n')")).then().statusCode(200)
                .body("run.status", equalTo("EL")).body("run.signal", equalTo("SIGKILL"));
    }

    @Test
    void zeroAndMinusOneMeanTheDefault() {
        execute(job("python", "*", "print('defaults')", "run_timeout", 0, "compile_timeout", -1, "run_cpu_time", 0,
                "compile_cpu_time", -1, "run_memory_limit", -1, "compile_memory_limit", 0)).then().statusCode(200)
                .body("run.stdout", equalTo("defaults\n"));
    }

    @Test
    void timesAndMemoryAreReported() {
        execute(job("python", "*", "x = sum(range(3_000_000)); print(x)")).then().statusCode(200)
                .body("run.status", nullValue()).body("run.wall_time", greaterThan(0))
                .body("run.cpu_time", greaterThan(0)).body("run.memory", greaterThan(1024 * 1024));
    }

    @Test
    void aFailedCompilationIsAlsoTheRunAsInPiston() {
        Response r = execute(job("c", "*", "int main(void) { return missing; }"));
        r.then().statusCode(200)
                .body("language", equalTo("c"))
                .body("compile.status", equalTo("RE")).body("compile.code", equalTo(1))
                .body("compile.message", equalTo("Exited with error status 1"))
                .body("compile.stderr", containsString("missing"));
        assertEquals(r.jsonPath().getMap("compile"), r.jsonPath().getMap("run"));
    }

    @Test
    void unnamedFilesAreTheEntryFileAndFileNDotCodeAndEncodingsAreDecoded() {
        Map<String, Object> body = Map.of("language", "c", "version", "*", "files", List.of(
                Map.of("content", "#include \"greet.h\"\nint main(void) { greet(); return 0; }\n"),
                Map.of("name", "greet.h", "content", "#include <stdio.h>\nvoid greet(void);\n"),
                Map.of("name", "greet.c", "encoding", "hex",
                        "content", hex("#include \"greet.h\"\nvoid greet(void) { puts(\"hello from hex\"); }\n"))));
        execute(body).then().statusCode(200).body("run.stdout", equalTo("hello from hex\n"));

        String code = "import os\nprint(sorted(os.listdir('.')))\nprint(open('data.bin', 'rb').read())\n"
                + "print(open('file2.code').read())";
        Map<String, Object> python = Map.of("language", "python", "version", "*", "files", List.of(
                Map.of("content", code),
                Map.of("name", "data.bin", "encoding", "base64", "content", "AP9B"),
                Map.of("content", "third", "encoding", "utf8")));
        execute(python).then().statusCode(200)
                .body("run.stdout", equalTo("['data.bin', 'file2.code', 'main.py']\nb'\\x00\\xffA'\nthird\n"));
    }

    @Test
    void textPlainIsReadAsJsonAndCrossSiteBrowsersAreRefused() {
        String body = "{\"language\": \"python\", \"version\": \"*\", \"files\": [{\"content\": \"print(42)\"}]}";
        given().contentType("text/plain;charset=UTF-8").body(body).post("/api/v2/execute").then().statusCode(200)
                .body("run.stdout", equalTo("42\n"));
        int port = io.restassured.RestAssured.port;
        given().contentType("text/plain").header("Origin", "http://localhost:" + port).body(body)
                .post("/api/v2/execute").then().statusCode(200);
        // (any loopback origin is the service's own while no public origin is configured)
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.2:" + port,
                "https://localhost.evil.example")) {
            given().contentType("text/plain").header("Origin", origin).body(body).post("/api/v2/execute").then()
                    .statusCode(403).body("message", containsString("Cross-site"));
            given().contentType("application/json").header("Origin", origin).body(body).post("/api/v2/execute").then()
                    .statusCode(403);
        }
        given().contentType("text/plain").header("Sec-Fetch-Site", "cross-site").body(body)
                .post("/api/v2/execute").then().statusCode(403);
        given().contentType("text/plain").header("Sec-Fetch-Site", "same-origin").body(body)
                .post("/api/v2/execute").then().statusCode(200);
        // GETs are not affected: a page elsewhere can read the runtimes only if CORS allows it.
        given().header("Origin", "http://evil.example").get("/api/v2/runtimes").then().statusCode(200);
        given().contentType("application/xml").body("<job/>").post("/api/v2/execute").then().statusCode(415)
                .body("message", equalTo("Content-Type must be application/json"));
    }

    @Test
    void pistonRunsAreCountedUnderTheirOwnApiTag() {
        execute(job("python", "*", "print(1)")).then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("codeexec_executions_total{api=\"piston\",language=\"python\",status=\"OK\"}"),
                "no piston-tagged run in the metrics");
    }

    @Test
    void unknownPathsAnswer404WithAMessage() {
        given().get("/api/v2/nothing-here").then().statusCode(404).body("message", org.hamcrest.Matchers.notNullValue());
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
