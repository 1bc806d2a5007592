package dev.codeexec.judging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The same program twice: the second time its artefacts come from the compile cache and the compiler does not run. */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class CompileCacheTest {

    static Response run(String language, String code, Object... extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return given().contentType(ContentType.JSON).body(body).post("/run/" + language);
    }

    @Test
    void aCachedCppHelloSkipsTheCompiler() {
        Api.awaitReady();
        // __TIME__ is the compiler's clock: a binary built again a second later would print another time.
        String code = "// " + UUID.randomUUID() + "\n#include <cstdio>\nint main() { std::puts(__TIME__); return 0; }\n";
        Response first = run("cpp", code);
        first.then().statusCode(200).body("status", equalTo("OK")).body("compile.cached", equalTo(false));
        Api.sleep(1100);
        Response second = run("cpp", code);
        second.then().statusCode(200).body("status", equalTo("OK")).body("compile.cached", equalTo(true))
                .body("compile.wallTimeMs", equalTo(0));
        assertEquals(first.jsonPath().getString("stdout"), second.jsonPath().getString("stdout"),
                "the same binary ran");
        Response changed = run("cpp", code + "// another program\n");
        changed.then().statusCode(200).body("compile.cached", equalTo(false));
        assertTrue(!changed.jsonPath().getString("stdout").equals(first.jsonPath().getString("stdout")),
                "a different program is compiled anew");
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("codeexec_compile_cache_total{result=\"hit\"}"), metrics);
    }

    @Test
    void judgingResubmissionsReuseTheCompilationAndCompileErrorsAreNotCached() {
        Api.awaitReady();
        String code = "// " + UUID.randomUUID() + "\n#include <iostream>\nint main(){int a;std::cin>>a;std::cout<<a*2<<\"\\n\";}\n";
        List<Map<String, Object>> tests = List.of(Map.of("input", "2", "expectedOutput", "4"));
        run("cpp", code, "tests", tests).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("compile.cached", equalTo(false));
        run("cpp", code, "tests", tests).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("compile.cached", equalTo(true));
        String broken = "// " + UUID.randomUUID() + "\nint main() { return nope; }\n";
        run("cpp", broken).then().statusCode(200).body("status", equalTo("COMPILE_ERROR"))
                .body("compile.cached", equalTo(false));
        run("cpp", broken).then().statusCode(200).body("status", equalTo("COMPILE_ERROR"))
                .body("compile.cached", equalTo(false));
    }
}
