package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Unless configured, the service runs as many programs at once as the engine has CPUs for (each
 * run may use code-exec.limits.cpus, 1 by default): not a multiple of its own cores, which made
 * runs share CPUs and time out under load.
 */
@QuarkusTest
class ConcurrencyDefaultTest {

    @Test
    void runSlotsAreTheEnginesCpusPerRunQuota() throws Exception {
        int engineCpus;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        try (DockerClient docker = DockerClientImpl.getInstance(config,
                new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build())) {
            engineCpus = docker.infoCmd().exec().getNCPU();
        }
        // the slots gauge appears with the first request that reaches the run path
        given().contentType("application/json").body("{\"code\": \"x\"}").post("/run/cobol").then().statusCode(400);
        String metrics = given().get("/q/metrics").asString();
        String expected = "codeexec_runs_capacity{kind=\"slots\"} " + engineCpus + ".0";
        assertTrue(metrics.contains(expected), "expected " + expected + " in " + metrics.lines()
                .filter(l -> l.startsWith("codeexec_runs_capacity")).toList());
    }
}
