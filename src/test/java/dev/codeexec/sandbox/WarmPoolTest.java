package dev.codeexec.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.codeexec.support.PooledContainers;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.RunLogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The warm pool (on by default: 2 containers for a language in use, up to 4 under demand). */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class WarmPoolTest {

    @Inject
    DockerClient docker;

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    static int poolReady(String language) {
        String metrics = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("codeexec_pool_ready\\{language=\"" + language + "\"} (\\d+)").matcher(metrics);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Waits until at least {@code size} containers are ready (demand may have grown the pool). */
    static void awaitPool(String language, int size) {
        if (poolReady(language) < size) {
            // A language keeps containers once it is in use.
            Api.run(language, "x = 1").then().statusCode(200);
        }
        for (int i = 0; i < 100 && poolReady(language) < size; i++) {
            Api.sleep(100);
        }
        assertTrue(poolReady(language) >= size, "the " + language + " pool did not fill: " + poolReady(language));
    }

    private List<Container> pooled(String language, boolean runningOnly) {
        return PooledContainers.list(docker, !runningOnly, "dev.codeexec.language=" + language);
    }


    @Test
    void runsTakeWarmContainersAndNoStateSurvivesBetweenThem() {
        String leave = "import os, subprocess\nopen('/sandbox/left', 'w').write('x')\nopen('/tmp/left', 'w').write('x')\n"
                + "subprocess.Popen(['sleep', '60'])\nprint('left things behind')";
        String look = "import os\nprocs = [p for p in os.listdir('/proc') if p.isdigit()]\n"
                + "print(sorted(os.listdir('/sandbox')), os.listdir('/tmp'), len(procs))";
        for (int i = 0; i < 4; i++) {
            awaitPool("python", 2);
            try (RunLogCapture log = new RunLogCapture()) {
                Api.run("python", leave).then().statusCode(200).body("stdout", equalTo("left things behind\n"));
                assertEquals("warm", log.lastContainer());
            }
            awaitPool("python", 2);
            try (RunLogCapture log = new RunLogCapture()) {
                // PID 1 (launcher) and the program itself: nothing else
                Api.run("python", look).then().statusCode(200).body("stdout", equalTo("['main.py'] [] 2\n"));
                assertEquals("warm", log.lastContainer());
            }
        }
    }

    @Test
    void aPooledContainerKilledFromOutsideIsNeverHandedOut() {
        awaitPool("python", 2);
        List<Container> waiting = pooled("python", true);
        assertTrue(waiting.size() >= 2 && waiting.size() <= 4, "waiting: " + waiting.size());
        waiting.forEach(c -> docker.killContainerCmd(c.getId()).exec());
        Api.sleep(300);
        for (int i = 0; i < 4; i++) {
            Api.run("python", "print('fine')").then().statusCode(200)
                    .body("status", equalTo("OK")).body("stdout", equalTo("fine\n"));
        }
        awaitPool("python", 2);
        for (Container c : waiting) {
            assertTrue(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(c.getId())).exec().isEmpty(),
                    "the killed container was not removed");
        }
    }

    @Test
    void thePoolNeverExceedsItsMaximumEvenUnderABurst() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(clients.submit(() -> Api.run("ruby", "puts 6 * 7")));
            }
            for (Future<Response> a : answers) {
                // 24 requests fit the slots and the queue: every one runs.
                a.get().then().statusCode(200).body("stdout", equalTo("42\n"));
            }
            for (int i = 0; i < 20; i++) {
                assertTrue(poolReady("ruby") <= 4, "pool at " + poolReady("ruby"));
                assertTrue(pooled("ruby", true).size() <= 4 + 8, "containers: " + pooled("ruby", true).size());
                Api.sleep(100);
            }
            Api.sleep(1500);
            assertTrue(pooled("ruby", true).size() <= 4, "idle pooled containers: " + pooled("ruby", true).size());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void limitsAreStillClassifiedOnTheWarmPath() {
        record Case(String code, Integer timeoutMs, String status) {
        }
        List<Case> cases = List.of(
                new Case("import time\nprint('a', flush=True)\ntime.sleep(30)", 700, "TIMEOUT"),
                new Case("a = []\nwhile True: a.append('x' * 10**6 + str(len(a)))", null, "MEMORY_LIMIT"),
                new Case("while True: print('x' * 1000)", null, "OUTPUT_LIMIT"),
                new Case("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", null, "RUNTIME_ERROR"),
                new Case("import sys\nsys.exit(4)", null, "RUNTIME_ERROR"));
        for (Case c : cases) {
            awaitPool("python", 2);
            try (RunLogCapture log = new RunLogCapture()) {
                Response r = c.timeoutMs() == null ? Api.run("python", c.code())
                        : Api.run("python", c.code(), "timeoutMs", c.timeoutMs());
                r.then().statusCode(200).body("status", equalTo(c.status()));
                assertEquals("warm", log.lastContainer(), c.code());
            }
        }
    }

    @Test
    void nonDefaultMemoryTakesTheColdPathAndStillWorks() {
        try (RunLogCapture log = new RunLogCapture()) {
            Api.run("python", "print('cold')", "memoryMb", 64).then().statusCode(200).body("stdout", equalTo("cold\n"));
            assertEquals("cold", log.lastContainer());
        }
    }
}
