package dev.codeexec.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.codeexec.support.Api;
import dev.codeexec.support.Docker;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a session's life holds to: it belongs to its client (anyone else hears 404), lives on one
 * replica (421 elsewhere), ends when deleted or idle (its container gone), keeps nothing of
 * another session, leaves no process of a command behind, and caps hold per client and per replica.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class SessionLifeTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void anotherClientCannotReachASession() {
        try (Sessions owner = new Sessions("10.21.0.1"); Sessions other = new Sessions("10.21.0.2")) {
            String id = owner.create("bash");
            owner.as().contentType(ContentType.BINARY).body("secret".getBytes()).put("/sessions/" + id + "/files/s.txt")
                    .then().statusCode(204);
            other.as().get("/sessions/" + id).then().statusCode(404);
            assertEquals(404, other.command(id, "cat s.txt").statusCode());
            other.as().get("/sessions/" + id + "/files/s.txt").then().statusCode(404);
            other.as().get("/sessions/" + id + "/files").then().statusCode(404);
            other.as().contentType(ContentType.BINARY).body(new byte[1]).put("/sessions/" + id + "/files/s.txt")
                    .then().statusCode(404);
            other.delete(id).then().statusCode(404);
            assertEquals(List.of(), other.as().get("/sessions").jsonPath().getList("id"));
            assertEquals(List.of(id), owner.as().get("/sessions").jsonPath().getList("id"));
            assertEquals("secret", owner.command(id, "cat s.txt").path("stdout"), "untouched by the other client");
        }
    }

    @Test
    void aSessionOfAnotherReplicaIsMisdirectedNotMissing() {
        Response r = given().get("/sessions/0123456789abcdef0123-elsewhere-7");
        assertEquals(421, r.statusCode(), r.asString());
        assertEquals("elsewhere-7", r.header("X-Code-Exec-Replica"));
        assertTrue(r.path("detail").toString().contains("elsewhere-7"));
        assertEquals(421, given().contentType(ContentType.JSON).body(Map.of("command", "true"))
                .post("/sessions/0123456789abcdef0123-elsewhere-7/run").statusCode());
        assertEquals(404, given().get("/sessions/0123456789abcdef0123-test-replica").statusCode());
    }

    @Test
    void sessionsSeeNothingOfEachOther() {
        try (Sessions client = new Sessions("10.21.0.3")) {
            String a = client.create("bash");
            String b = client.create("bash");
            client.command(a, "echo a > mine.txt; echo a > /tmp/t; echo a > /dev/shm/s; sleep 30 & echo started")
                    .then().statusCode(200);
            Response seen = client.command(b, "ls -A; ls -A /tmp /dev/shm; cat /proc/[0-9]*/cmdline 2>/dev/null "
                    + "| tr '\\0' ' '");
            assertEquals("OK", seen.path("status"), seen.asString());
            String out = seen.path("stdout");
            assertFalse(out.contains("mine.txt") || out.contains("sleep 30"), out);
            assertEquals(List.of(), client.as().get("/sessions/" + b + "/files").jsonPath().getList("name"));
        }
    }

    @Test
    void aCommandLeavesNoProcessBehindAndDeletingEndsTheContainer() throws Exception {
        try (Sessions client = new Sessions("10.21.0.4"); DockerClient docker = Docker.client()) {
            String id = client.create("bash");
            Response started = client.command(id, "(setsid sleep 1000 &); nohup sleep 999 >/dev/null 2>&1 & echo ok");
            assertEquals("ok\n", started.path("stdout"), started.asString());
            Container container = containerOf(docker, id);
            List<String> processes = docker.topContainerCmd(container.getId()).exec().getProcesses() == null ? List.of()
                    : java.util.Arrays.stream(docker.topContainerCmd(container.getId()).exec().getProcesses())
                            .map(p -> String.join(" ", p)).toList();
            assertFalse(processes.stream().anyMatch(p -> p.contains("sleep")), processes.toString());
            client.delete(id).then().statusCode(204);
            client.as().get("/sessions/" + id).then().statusCode(404);
            for (int i = 0; i < 100 && !sessionContainers(docker, id).isEmpty(); i++) {
                Api.sleep(100);
            }
            assertEquals(List.of(), sessionContainers(docker, id));
        }
    }

    @Test
    void anIdleSessionEnds() throws Exception {
        try (Sessions client = new Sessions("10.21.0.5"); DockerClient docker = Docker.client()) {
            String id = client.create("bash", "idleTimeoutMs", 1000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // hang guard
            while (client.as().get("/sessions/" + id).statusCode() == 200 && System.nanoTime() < deadline) {
                Api.sleep(200);
            }
            client.as().get("/sessions/" + id).then().statusCode(404);
            for (int i = 0; i < 100 && !sessionContainers(docker, id).isEmpty(); i++) {
                Api.sleep(100);
            }
            assertEquals(List.of(), sessionContainers(docker, id));
            Api.awaitMetrics("codeexec_sessions_ended_total{reason=\"idle\"}");
        }
    }

    @Test
    void aBusySessionIsNotIdle() {
        try (Sessions client = new Sessions("10.21.0.6")) {
            String id = client.create("bash", "idleTimeoutMs", 1000);
            Response slow = client.command(id, "sleep 3; echo still", "timeoutMs", 10000);
            assertEquals("still\n", slow.path("stdout"), slow.asString());
            client.as().get("/sessions/" + id).then().statusCode(200);
        }
    }

    @Test
    void aClientHoldsAtMostItsShareAndAThousandTriesChangeNothing() throws Exception {
        try (Sessions client = new Sessions("10.21.0.7")) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Response>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                tries.add(pool.submit(() -> client.createRaw("bash")));
            }
            int made = 0;
            int refused = 0;
            for (Future<Response> t : tries) {
                Response r = t.get(10, TimeUnit.MINUTES); // hang guard
                if (r.statusCode() == 201) {
                    made++;
                } else {
                    assertEquals(429, r.statusCode(), r.asString());
                    assertTrue(r.path("detail").toString().contains("this client holds 5"), r.asString());
                    refused++;
                }
            }
            pool.shutdown();
            assertEquals(5, made);
            assertEquals(995, refused);
            assertEquals(5, client.as().get("/sessions").jsonPath().getList("id").size());
            String first = (String) client.as().get("/sessions").jsonPath().getList("id").get(0);
            client.delete(first).then().statusCode(204);
            assertEquals(201, client.createRaw("bash").statusCode(), "a place freed is a place");
        }
    }

    @Test
    void theReplicaHoldsAtMostItsCap() {
        List<Sessions> clients = new java.util.ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                Sessions s = new Sessions("10.22.0." + c);
                clients.add(s);
                for (int i = 0; i < 5; i++) {
                    s.create("bash");
                }
            }
            Sessions late = new Sessions("10.22.0.9");
            clients.add(late);
            Response refused = late.createRaw("bash");
            assertEquals(429, refused.statusCode(), refused.asString());
            assertTrue(refused.path("detail").toString().contains("this replica holds 20"), refused.asString());
        } finally {
            clients.forEach(Sessions::close);
        }
    }

    private static Container containerOf(DockerClient docker, String id) {
        List<Container> found = sessionContainers(docker, id);
        assertEquals(1, found.size(), "containers of " + id);
        return found.get(0);
    }

    private static List<Container> sessionContainers(DockerClient docker, String id) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of("dev.codeexec.session=" + id))
                .exec();
    }
}
