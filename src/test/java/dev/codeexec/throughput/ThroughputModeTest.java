package dev.codeexec.throughput;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.support.PooledContainers;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.RunLogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throughput mode against the real engine: requests share long-lived containers, yet each step
 * starts from a clean state in fresh namespaces, and containers are replaced after a number of
 * requests or anything unusual.
 */
@QuarkusTest
@TestProfile(ThroughputProfile.class)
@ExtendWith(NoLeftoverContainers.class)
class ThroughputModeTest {

    @Inject
    DockerClient docker;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }



    /** A worker's run keeps its files for the outputs, which are its own: the next request's run sees none. */
    @Test
    void outputsComeFromTheRunAndLeaveNothingForTheNext() {
        for (int i = 0; i < 3; i++) {
            io.restassured.response.Response r = Api.run("python", "import glob; print(''.join(glob.glob('*.txt')), end='')\n"
                    + "open('out" + i + ".txt', 'w').write('" + i + "')", "outputs", java.util.List.of("*.txt"));
            assertEquals("OK", r.path("status"), r.asString());
            assertEquals("", r.path("stdout"), "a file of an earlier request is there: " + r.asString());
            assertEquals(java.util.List.of("out" + i + ".txt"), r.jsonPath().getList("outputs.name"), r.asString());
        }
    }

    @Test
    void requestsShareContainersButNeverState() {
        String program = """
                import ctypes, os, subprocess
                left = sorted(os.listdir('.')) + sorted(os.listdir('/tmp')) + sorted(os.listdir('/dev/shm'))
                libc = ctypes.CDLL(None, use_errno=True)
                shm = libc.shmget(0x5eed, 4096, 0) >= 0
                procs = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())
                print(left, shm, procs, os.getuid(), open('/etc/hostname').read().strip() if os.path.exists('/etc/hostname') else '')
                for d in ('.', '/tmp', '/dev/shm'):
                    open(d + '/mine', 'w').write('x')
                libc.shmget(0x5eed, 4096, 0o1000 | 0o666)
                subprocess.Popen(['sleep', '600'], start_new_session=True)
                """;
        int warm = 0;
        for (int i = 0; i < 4; i++) {
            Api.sleep(500); // the previous request's container resets after its answer
            try (RunLogCapture log = new RunLogCapture()) {
                String out = Api.run("python", program).then().statusCode(200).body("status", equalTo("OK"))
                        .extract().path("stdout");
                assertTrue(out.startsWith("['main.py'] False [1, 2] 10000"), "run " + i + " saw " + out);
                if (i > 0 && log.lastContainer().equals("warm")) {
                    warm++;
                }
            }
            List<String> now = PooledContainers.ids(docker, "python");
            assertTrue(now.size() <= 2, "at most throughput.containers containers at a time: " + now);
        }
        // A container retires after 5 requests (the suite's earlier classes used these ones), so one of
        // the three later requests may take a fresh container; the others reuse one.
        assertTrue(warm >= 2, "later requests reuse a container: " + warm + " of 3 did");
    }

    @Test
    void aContainerIsReplacedAfterItsRunsAndAfterACancelledRequest() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            Api.run("ruby", "puts 1").then().statusCode(200).body("stdout", equalTo("1\n"));
            Api.sleep(300);
            seen.addAll(PooledContainers.ids(docker, "ruby"));
        }
        assertTrue(seen.size() >= 2, "5 requests per container, so 7 sequential ones need a second: " + seen);

        Api.run("javascript", "console.log(1)").then().statusCode(200);
        Api.sleep(500);
        List<String> before = PooledContainers.ids(docker, "javascript");
        assertTrue(!before.isEmpty() && before.size() <= 2, "idle javascript containers: " + before);
        String serving;
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            String body = "{\"code\": \"setTimeout(() => {}, 20000)\", \"timeoutMs\": 10000}";
            socket.getOutputStream().write(("POST /run/javascript HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes());
            socket.getOutputStream().flush();
            serving = awaitWorkerRunning("javascript", "node"); // it runs: the client goes away now
        }
        // The client went away: the container that ran its request is killed, never reused.
        // Hang guard 30 s: a kill and removal take well under that under load.
        for (int i = 0; i < 300 && PooledContainers.ids(docker, "javascript").contains(serving); i++) {
            Api.sleep(100);
        }
        assertTrue(!PooledContainers.ids(docker, "javascript").contains(serving), "the cancelled request's container " + serving
                + " is gone: " + PooledContainers.ids(docker, "javascript"));
        Api.run("javascript", "console.log(2)").then().statusCode(200).body("stdout", equalTo("2\n"));
    }


    /** The worker in which a process whose command holds {@code command} runs (hang guard 30 s). */
    private String awaitWorkerRunning(String language, String command) {
        for (int i = 0; i < 300; i++) {
            for (String id : PooledContainers.ids(docker, language)) {
                String[][] processes;
                try {
                    processes = docker.topContainerCmd(id).exec().getProcesses();
                } catch (RuntimeException gone) { // removed meanwhile
                    continue;
                }
                if (processes != null && java.util.Arrays.stream(processes)
                        .anyMatch(p -> String.join(" ", p).contains(command))) {
                    return id;
                }
            }
            Api.sleep(100);
        }
        throw new AssertionError("no " + language + " worker ever ran " + command);
    }

    @Test
    void compiledLanguagesWorkToo() {
        given().contentType(ContentType.JSON).body(Map.of("code", "#include <stdio.h>\nint main(){puts(\"c\");}",
                "tests", List.of(Map.of("expectedOutput", "c"), Map.of("expectedOutput", "c"))))
                .post("/run/c").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Api.run("python", "a = ' ' * (200 * 1024 * 1024)").then().statusCode(200).body("status", equalTo("MEMORY_LIMIT"));
        Api.run("python", "while True: pass", "timeoutMs", 500).then().statusCode(200).body("status", equalTo("TIMEOUT"));
        Api.run("python", "print('after')").then().statusCode(200).body("stdout", equalTo("after\n"));
    }

    /**
     * Workers are kept per image, not per limits: a request's memory, CPU and process limits are set
     * on the worker for that request and restored after it. 100 requests of distinct limits share
     * the language's (at most 2) workers, and each gets its own limit.
     */
    @Test
    void requestsOfAnyLimitsShareTheWorkersAndGetTheirOwnLimits() {
        String grow = "a = bytearray(80 * 1024 * 1024)\nprint('grew')";
        Api.run("python", grow, "memoryMb", 48).then().statusCode(200).body("status", equalTo("MEMORY_LIMIT"));
        Api.run("python", grow).then().statusCode(200).body("stdout", equalTo("grew\n"));
        int warm = 0;
        for (int i = 0; i < 100; i++) {
            try (RunLogCapture log = new RunLogCapture()) {
                Api.run("python", "print(" + i + ")", "memoryMb", 64 + i).then().statusCode(200)
                        .body("stdout", equalTo(i + "\n"));
                if (log.lastContainer().equals("warm")) {
                    warm++;
                }
            }
            List<String> now = PooledContainers.ids(docker, "python");
            assertTrue(now.size() <= 2, "at most throughput.containers containers at a time: " + now);
        }
        // a worker retires after 5 requests, so about one request in five takes a fresh one
        assertTrue(warm >= 50, "requests of other limits reuse the workers: " + warm + " of 100 did");
    }
}
