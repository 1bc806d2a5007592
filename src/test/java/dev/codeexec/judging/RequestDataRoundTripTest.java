package dev.codeexec.judging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client sends and what a compiler makes reach the launcher as data only: a class under a
 * deep package round-trips through the compile cache, odd but legal file names run, and a program
 * that exits 139 is told apart from one killed by SIGSEGV. None of it may answer 5xx.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class RequestDataRoundTripTest {

    @Test
    void aClassUnderADeepPackageRunsTwiceTheSecondTimeFromTheCache() {
        Api.awaitReady();
        // 5 parts of 230 characters: ~1 160 bytes of path, more than the old launcher's 1 024.
        String pkg = String.join(".", List.of("a", "b", "c", "d", "e").stream().map(c -> c.repeat(230)).toList());
        String code = "// " + UUID.randomUUID() + "\npackage " + pkg + ";\npublic class Main {\n"
                + "  public static void main(String[] a) { System.out.println(\"deep\"); }\n}\n";
        CompileCacheTest.run("java", code).then().statusCode(200).body("status", equalTo("OK"))
                .body("stdout", equalTo("deep\n")).body("compile.cached", equalTo(false));
        CompileCacheTest.run("java", code).then().statusCode(200).body("status", equalTo("OK"))
                .body("stdout", equalTo("deep\n")).body("compile.cached", equalTo(true));
        Api.awaitReady(); // the replica stays ready: no launcher died, no breaker opened
    }

    @Test
    void oddButLegalFileNamesRunOrAreRefusedByName() {
        Api.awaitReady();
        List<String> names = List.of("   ", " ..", ".. ", "-rf", "$(touch x)", "😀.txt", "\u200fabc\u200e", " lead",
                "trail ", "a b\tc");
        for (String name : names) {
            List<Map<String, String>> files = List.of(
                    Map.of("name", "main.py", "content",
                            "import os\nfor n in sorted(os.listdir('.')):\n    print(os.fsencode(n).hex())\n"),
                    Map.of("name", name, "content", "x"));
            Response r = given().contentType(ContentType.JSON).body(Map.of("files", files)).post("/run/python");
            int code = r.statusCode();
            assertTrue(code == 200 || code == 400, "'" + name + "' answered " + code + ": " + r.asString());
            if (code == 200) {
                r.then().body("status", equalTo("OK")).body("stdout", containsString(hex(name) + "\n"));
            } else {
                r.then().body("detail", containsString("files[1]"));
            }
        }
        Api.awaitReady();
    }

    /** The name's UTF-8 bytes in hex, as the program prints what it found in its directory. */
    private static String hex(String name) {
        return java.util.HexFormat.of().formatHex(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void exit139IsNoSegfaultAndASegfaultIsOne() {
        Api.awaitReady();
        CompileCacheTest.run("c", "#include <stdlib.h>\nint main(void) { exit(139); }\n").then().statusCode(200)
                .body("status", equalTo("RUNTIME_ERROR")).body("exitCode", equalTo(139))
                .body("signal", nullValue());
        CompileCacheTest.run("c", "#include <signal.h>\nint main(void) { raise(SIGSEGV); return 0; }\n").then()
                .statusCode(200).body("status", equalTo("RUNTIME_ERROR")).body("exitCode", equalTo(139))
                .body("signal", equalTo("SIGSEGV"));
    }

    @Test
    void aNameOutsideThePathRuleIsA400NamingTheFile() {
        Api.awaitReady();
        List<Map<String, String>> files = List.of(Map.of("name", "main.py", "content", "print(1)"),
                Map.of("name", "x".repeat(256), "content", "x"));
        given().contentType(ContentType.JSON).body(Map.of("files", files)).post("/run/python").then()
                .statusCode(400).body("detail", anyOf(containsString("files[1]"), is("")));
    }
}
