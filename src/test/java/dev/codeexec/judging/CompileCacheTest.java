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
        double hits = counter("hit");
        double misses = counter("miss");
        Response second = run("cpp", code);
        second.then().statusCode(200).body("status", equalTo("OK")).body("compile.cached", equalTo(true))
                .body("compile.wallTimeMs", equalTo(0));
        assertEquals(first.jsonPath().getString("stdout"), second.jsonPath().getString("stdout"),
                "the same binary ran");
        assertEquals(hits + 1, counter("hit"), "the second request is counted as exactly one hit");
        assertEquals(misses, counter("miss"));
        Response changed = run("cpp", code + "// another program\n");
        changed.then().statusCode(200).body("compile.cached", equalTo(false));
        assertEquals(hits + 1, counter("hit"));
        assertEquals(misses + 1, counter("miss"), "a different source is exactly one miss");
        assertTrue(!changed.jsonPath().getString("stdout").equals(first.jsonPath().getString("stdout")),
                "a different program is compiled anew");
    }

    /** The hit or miss counter's value now. */
    private static double counter(String result) {
        String metrics = given().get("/q/metrics").asString();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^codeexec_compile_cache_total\\{result=\"" + result + "\"} ([0-9.E]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * A compilation is replayed only under the limits it ran with: one that needs more than a low
     * compile limit fails there, succeeds under a higher one, and fails again at the low one (the
     * success is not replayed for it); the higher one then comes from the cache.
     */
    @Test
    void aCompilationIsReplayedOnlyUnderTheLimitsItRanWith() {
        Api.awaitReady();
        String code = "// " + UUID.randomUUID() + "\n#include <iostream>\nint main(){std::cout<<42<<\"\\n\";}\n";
        for (String limit : List.of("compileTimeoutMs", "compileMemoryMb")) {
            int low = 1;
            int high = limit.equals("compileTimeoutMs") ? 30000 : 512;
            if (limit.equals("compileMemoryMb")) {
                low = 16;
                code = code + "// by memory\n";
            }
            Response failed = run("cpp", code, limit, low);
            failed.then().statusCode(200).body("compile.cached", equalTo(false));
            assertTrue(!failed.jsonPath().getString("status").equals("OK"), limit + "=" + low + ": " + failed.asString());
            run("cpp", code, limit, high).then().statusCode(200).body("status", equalTo("OK"))
                    .body("stdout", equalTo("42\n")).body("compile.cached", equalTo(false));
            Response again = run("cpp", code, limit, low);
            again.then().statusCode(200).body("compile.cached", equalTo(false));
            assertTrue(!again.jsonPath().getString("status").equals("OK"),
                    limit + "=" + low + " after a success at " + high + ": " + again.asString());
            run("cpp", code, limit, high).then().statusCode(200).body("status", equalTo("OK"))
                    .body("compile.cached", equalTo(true));
        }
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
