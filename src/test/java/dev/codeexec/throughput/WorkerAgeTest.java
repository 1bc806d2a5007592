package dev.codeexec.throughput;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.support.PooledContainers;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A throughput worker that is never idle long still retires at pool.max-idle (plus the request it
 * is serving), the bound other instances' orphan reapers rely on: here 3 s, one worker, no limit
 * on its requests, and 20 s of back-to-back requests.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
@TestProfile(WorkerAgeTest.ShortLivedWorkers.class)
class WorkerAgeTest {

    public static class ShortLivedWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.throughput.enabled", "true", "code-exec.throughput.languages", "python",
                    "code-exec.throughput.containers", "1", "code-exec.throughput.runs-per-container", "100000",
                    "code-exec.pool.max-idle", "3s", "code-exec.languages.enabled", "python");
        }
    }

    @Inject
    DockerClient docker;

    @Test
    void aWorkerNeverLongIdleStillRetiresAtItsAge() {
        Api.awaitReady();
        Map<String, long[]> seen = new HashMap<>(); // container -> first and last time it was there
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            Api.run("python", "print(1)").then().statusCode(200);
            long now = System.nanoTime();
            for (String id : PooledContainers.ids(docker, "python")) {
                seen.computeIfAbsent(id, k -> new long[] {now, now})[1] = now;
            }
        }
        assertTrue(seen.size() >= 2, "one worker served 20 s of requests: " + seen.keySet());
        // 3 s of age, plus one request, plus the gap until the next request noticed it: 10 s is a hang guard
        seen.forEach((id, t) -> assertTrue((t[1] - t[0]) / 1_000_000 <= 10_000,
                "worker " + id + " served for " + (t[1] - t[0]) / 1_000_000 + " ms"));
    }

}
