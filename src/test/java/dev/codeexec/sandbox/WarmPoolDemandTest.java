package dev.codeexec.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.support.PooledContainers;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool follows demand: a language keeps containers only while it is used, and all languages
 * together keep at most pool.max-total idle containers (here 3, idle after 20 s: long enough that
 * python is still in use while ruby warms up on a loaded machine).
 */
@QuarkusTest
@TestProfile(WarmPoolDemandTest.SmallPool.class)
@ExtendWith(NoLeftoverContainers.class)
class WarmPoolDemandTest {

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.pool.max-total", "3", "code-exec.pool.idle-after", "20s",
                    "code-exec.languages.enabled", "python,ruby,javascript");
        }
    }

    @Inject
    DockerClient docker;

    private int pooledContainers() {
        return PooledContainers.list(docker, false).size();
    }

    /** Hang guard 60 s: three times idle-after. */
    private static void eventually(String what, BooleanSupplier condition) {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Api.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void unusedLanguagesKeepNothingAndAllTogetherStayUnderTheCap() {
        Api.awaitReady();
        Api.sleep(1500);
        assertEquals(0, WarmPoolTest.poolReady("python"), "nothing is warmed before a language is used");
        assertEquals(0, pooledContainers());

        Api.run("python", "print(1)").then().statusCode(200);
        eventually("python warms up once used", () -> WarmPoolTest.poolReady("python") == 2);
        Api.run("ruby", "puts 1").then().statusCode(200);
        eventually("ruby gets containers too", () -> WarmPoolTest.poolReady("ruby") >= 1);
        Api.sleep(1000);
        int total = WarmPoolTest.poolReady("python") + WarmPoolTest.poolReady("ruby");
        assertEquals(3, total, "the global cap holds: python " + WarmPoolTest.poolReady("python") + ", ruby "
                + WarmPoolTest.poolReady("ruby"));
        assertTrue(pooledContainers() <= 3, "containers on the engine: " + pooledContainers());

        eventually("a language unused for idle-after keeps none", () -> WarmPoolTest.poolReady("python") == 0
                && WarmPoolTest.poolReady("ruby") == 0);
        eventually("and its containers are removed", () -> pooledContainers() == 0);
    }
}
