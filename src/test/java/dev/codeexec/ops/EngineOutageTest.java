package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.EngineProxy;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service reaches the engine through a proxy the test cuts: runs are refused fast with 503 +
 * Retry-After, readiness goes DOWN, and both recover by themselves when the proxy is back.
 */
@QuarkusTest
@TestProfile(EngineOutageTest.ThroughProxy.class)
@ExtendWith(NoLeftoverContainers.class)
class EngineOutageTest {

    static final EngineProxy.Shared PROXY = EngineProxy.shared();

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.docker.host", "tcp://127.0.0.1:" + PROXY.port(),
                    "code-exec.execution.circuit-delay-ms", "2000");
        }
    }

    @Test
    void runsFailFastWhileTheEngineIsGoneAndRecoverWhenItReturns() throws Exception {
        Api.awaitReady();
        Api.run("python", "print('before')").then().statusCode(200).body("stdout", equalTo("before\n"));

        PROXY.stop().run();
        long slowest = 0;
        java.util.List<Long> timings = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            Response r = Api.run("python", "print('during')");
            long ms = (System.nanoTime() - start) / 1_000_000;
            slowest = Math.max(slowest, i >= 4 ? ms : 0);
            timings.add(ms);
            assertEquals(503, r.statusCode(), r.asString());
            assertNotNull(r.header("Retry-After"));
            assertTrue(r.jsonPath().getString("message").contains("engine is unavailable"), r.asString());
        }
        System.out.println("engine down: 503 answered in (ms) " + timings);
        // A hang guard only (an unreachable engine must not make a request wait out a connect timeout);
        // how fast refusals are is the benchmark's business.
        assertTrue(slowest < 5000, "no refusal within the hang guard: " + slowest + " ms");
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        PROXY.start().run();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Api.sleep(250);
        }
        given().get("/q/health/ready").then().statusCode(200);
        Api.run("python", "print('after')").then().statusCode(200).body("stdout", equalTo("after\n"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("codeexec_requests_rejected_total{reason=\"engine_down\"}"));
    }
}
