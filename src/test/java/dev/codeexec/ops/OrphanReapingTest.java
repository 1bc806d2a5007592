package dev.codeexec.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers of other instances are removed once older than reap-after (here 4 s; the service
 * name is this test's own, so no other engineer's containers on the shared engine qualify), and
 * never before; pooled containers of this instance are replaced after pool.max-idle (here 3 s).
 * A session's container is reaped by whom it belongs to, not by age: this replica's from before a
 * restart at once, another replica's once past its end.
 */
@QuarkusTest
@TestProfile(OrphanReapingTest.FastReaping.class)
class OrphanReapingTest {

    static final String SERVICE = "code-exec-reaping-test";

    public static class FastReaping implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.docker.service", SERVICE, "code-exec.docker.reap-after", "4s",
                    "code-exec.docker.reap-every", "1s", "code-exec.pool.max-idle", "3s", "code-exec.pool.size", "1");
        }
    }

    static DockerClient docker;

    @BeforeAll
    static void connect() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        docker = DockerClientImpl.getInstance(config,
                new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    }

    @AfterAll
    static void close() throws Exception {
        docker.close();
    }

    /** A sleeping container labelled as another instance's. */
    private static String containerOf(String instance) {
        String id = docker.createContainerCmd("debian:bookworm-slim").withCmd("sleep", "300")
                .withLabels(Map.of("dev.codeexec.service", SERVICE, "dev.codeexec.instance", instance))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    private static boolean exists(String id) {
        return docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().size() == 1;
    }

    @Test
    void anOldContainerOfAnotherInstanceIsReapedAFreshOneIsNot() {
        Api.awaitReady();
        String old = containerOf("dead-instance");
        String fresh = null;
        try {
            Api.sleep(5500); // older than reap-after
            fresh = containerOf("live-instance");
            for (int i = 0; i < 40 && exists(old); i++) {
                Api.sleep(100);
            }
            assertFalse(exists(old), "the dead instance's container is still there");
            assertTrue(exists(fresh), "a live instance's fresh container was removed");
        } finally {
            for (String id : new String[] {old, fresh}) {
                if (id != null && exists(id)) {
                    docker.removeContainerCmd(id).withForce(true).exec();
                }
            }
        }
    }

    /** A sleeping container labelled as a session of another instance. */
    private static String sessionOf(String replica, long untilEpochSeconds) {
        String id = docker.createContainerCmd("debian:bookworm-slim").withCmd("sleep", "300")
                .withLabels(Map.of("dev.codeexec.service", SERVICE, "dev.codeexec.instance", "earlier-instance",
                        "dev.codeexec.session", "s-" + replica, "dev.codeexec.replica", replica,
                        "dev.codeexec.until", String.valueOf(untilEpochSeconds)))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    @Test
    void sessionContainersGoWhenNoInstanceCanServeThemNotByAge() {
        Api.awaitReady();
        long now = System.currentTimeMillis() / 1000;
        // This replica before a restart: its sessions died with it, however young the container.
        String restarted = sessionOf("test-replica", now + 3600);
        // Another replica, alive, whose session lasts another hour: kept past reap-after.
        String elsewhere = sessionOf("other-replica", now + 3600);
        // Another replica's session past its end.
        String ended = sessionOf("other-replica", now - 1);
        try {
            for (int i = 0; i < 80 && (exists(restarted) || exists(ended)); i++) {
                Api.sleep(100);
            }
            assertFalse(exists(restarted), "a session container of this replica's earlier run is still there");
            assertFalse(exists(ended), "a session container past its end is still there");
            Api.sleep(5500); // older than reap-after
            assertTrue(exists(elsewhere), "another replica's live session container was removed by age");
        } finally {
            for (String id : new String[] {restarted, elsewhere, ended}) {
                if (exists(id)) {
                    docker.removeContainerCmd(id).withForce(true).exec();
                }
            }
        }
    }

    @Test
    void pooledContainersAreReplacedAfterTheirMaxIdleTime() {
        Api.awaitReady();
        // A language keeps containers once it is used.
        Api.run("python", "print('demand')").then().statusCode(200);
        Set<String> before = pooled();
        for (int i = 0; i < 50 && before.isEmpty(); i++) {
            Api.sleep(100);
            before = pooled();
        }
        assertFalse(before.isEmpty(), "no pooled containers");
        Api.sleep(6000);
        Set<String> after = pooled();
        assertFalse(after.isEmpty(), "the pool was not refilled");
        assertTrue(before.stream().noneMatch(after::contains), "still pooled after max-idle: " + before + " " + after);
        // and the fresh ones still serve runs
        Api.run("python", "print('young')").then().statusCode(200);
    }

    private static Set<String> pooled() {
        return docker.listContainersCmd().withLabelFilter(List.of("dev.codeexec.service=" + SERVICE,
                "dev.codeexec.instance=" + System.getProperty("code-exec.docker.instance-id", "code-exec-test"),
                "dev.codeexec.pooled=true")).exec().stream().map(Container::getId).collect(Collectors.toSet());
    }
}
