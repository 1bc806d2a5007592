package dev.codeexec.execution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.RunLogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run is reported as what happened to it: a container killed from outside is the engine's
 * fault (503), not a timeout before its time; a client that went away is not a program outcome.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class HonestOutcomesTest {

    private static final String INSTANCE = System.getProperty("code-exec.docker.instance-id", "code-exec-test");

    @Inject
    DockerClient docker;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    private List<Container> running() {
        return docker.listContainersCmd().withLabelFilter(List.of("dev.codeexec.instance=" + INSTANCE,
                "dev.codeexec.pooled=false")).exec();
    }

    private static double count(String status) {
        String metrics = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("codeexec_executions_total\\{api=\"[a-z0-9]+\",language=\"python\",status=\""
                + status + "\"} ([0-9.]+)").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    void aContainerKilledFromOutsideIsAnEngineFaultNotAnEarlyTimeout() {
        double timeouts = count("TIMEOUT");
        // Non-default memory: a container of its own (not a pooled one), so it is easy to find.
        CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> Api.run("python",
                "import time\nprint('started', flush=True)\ntime.sleep(8)", "memoryMb", 100, "timeoutMs", 9000));
        List<Container> mine = List.of();
        for (int i = 0; i < 100 && mine.isEmpty(); i++) {
            Api.sleep(100);
            mine = running();
        }
        assertEquals(1, mine.size(), "the run's container");
        Api.sleep(1000);
        long start = System.nanoTime();
        docker.killContainerCmd(mine.get(0).getId()).exec();
        Response r = run.join();
        long afterKillMs = (System.nanoTime() - start) / 1_000_000;
        r.then().statusCode(503).body("message", equalTo("The container engine is unavailable; try again shortly"));
        assertTrue(r.getHeader("Retry-After") != null, "Retry-After");
        // The run's own deadline is 9 s after it started, at least 8 s after the kill: an answer well
        // before it came from the kill, not the deadline.
        assertTrue(afterKillMs < 7000, "answered " + afterKillMs + " ms after the kill: it waited for the deadline");
        assertEquals(timeouts, count("TIMEOUT"), "not counted as a timeout");
    }

    @Test
    void aClientThatWentAwayIsNeitherATimeoutNorAnyOtherProgramOutcome() throws Exception {
        clientGoesAway("/run/python", "{\"code\": \"import time\\ntime.sleep(8)\", \"timeoutMs\": 9000}");
    }

    @Test
    void soThroughPistonsApi() throws Exception {
        clientGoesAway("/api/v2/execute", "{\"language\": \"python\", \"version\": \"*\", \"files\": [{\"content\": "
                + "\"import time\\ntime.sleep(8)\"}], \"run_timeout\": 9000}");
    }

    @Test
    void soThroughJudge0sApi() throws Exception {
        clientGoesAway("/submissions?wait=true", "{\"language_id\": 92, \"source_code\": \"import time\\ntime.sleep(8)\", "
                + "\"wall_time_limit\": 9}");
    }

    private void clientGoesAway(String path, String body) throws Exception {
        double timeouts = count("TIMEOUT");
        double ok = count("OK");
        try (RunLogCapture log = new RunLogCapture()) {
            try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                        + "application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes());
                socket.getOutputStream().flush();
                Api.sleep(1500);
            }
            String line = "";
            for (int i = 0; i < 50 && !line.contains("error="); i++) {
                Api.sleep(100);
                line = log.lines().stream().filter(l -> l.startsWith("run ")).reduce("", (a, b) -> b);
            }
            assertTrue(line.contains("error=RunCancelledException"), "logged as cancelled: " + line);
        }
        assertEquals(timeouts, count("TIMEOUT"), "not counted as a timeout");
        assertEquals(ok, count("OK"));
        for (int i = 0; i < 30 && !running().isEmpty(); i++) {
            Api.sleep(100);
        }
        assertEquals(List.of(), running(), "its container was killed and removed at once");
    }
}
