package dev.codeexec.abuse;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.HostKernel;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every hostile program under src/test/resources/abuse runs against the real engine; each states
 * its attack and the safe outcome (see {@link AbuseCase}). After each family the service must still
 * be healthy and answer a plain hello; after the class no container may be left.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
public class AbuseSuiteTest {

    @TestFactory
    Stream<DynamicNode> abusePrograms() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/abuse").toURI());
        try (Stream<Path> families = Files.list(root)) {
            return families.sorted().filter(family -> cases(root, family).findAny().isPresent()).<DynamicNode>map(family -> DynamicContainer.dynamicContainer(
                    family.getFileName().toString(),
                    Stream.concat(cases(root, family).map(c -> c.inMode(mode(), HostKernel.traits())).<DynamicTest>map(c -> DynamicTest.dynamicTest(
                            c.name() + ": " + c.one("attack"), () -> check(c))),
                            Stream.of(DynamicTest.dynamicTest("service healthy after " + family.getFileName(),
                                    AbuseSuiteTest::healthy)))))
                    .toList().stream();
        }
    }

    /** The mode whose {@code @mode:key} directives apply ("default" here). */
    protected String mode() {
        return "default";
    }

    private static Stream<AbuseCase> cases(Path root, Path family) {
        try (Stream<Path> files = Files.list(family)) {
            // -Dabuse.only=processes/thread-bomb runs only the cases whose name contains it
            String only = System.getProperty("abuse.only", "");
            List<AbuseCase> cases = files.sorted().map(f -> {
                try {
                    return AbuseCase.load(root, f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(c -> c.name().contains(only)).toList();
            return cases.stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void check(AbuseCase c) {
        // @repeat N: run it N times in a row (whatever one run leaves must not reach the next).
        int times = c.one("repeat") == null ? 1 : Integer.parseInt(c.one("repeat"));
        for (int i = 0; i < times; i++) {
            checkOnce(c);
        }
    }

    /** The time limit of a case that says none and does not expect TIMEOUT. */
    static final int UNTIMED_CASE_TIMEOUT_MS = 10_000;

    private static void checkOnce(AbuseCase c) {
        assertNotNull(c.one("attack"), c.name() + " must say what it attacks");
        assertNotNull(c.one("expect-status"), c.name() + " must say what must happen");
        Api.awaitReady();
        List<String> allowed = Arrays.asList(c.one("expect-status").split("\\|"));
        // A case that does not test the time limit gets 10 s: an interpreter that starts slowly on a
        // loaded machine must not turn its outcome into TIMEOUT (only the limit under test may trip).
        int timeoutMs = c.one("timeoutMs") != null ? Integer.parseInt(c.one("timeoutMs"))
                : allowed.contains("TIMEOUT") ? 0 : UNTIMED_CASE_TIMEOUT_MS;
        Object[] extra = timeoutMs == 0 ? new Object[0] : new Object[] {"timeoutMs", timeoutMs};
        long start = System.nanoTime();
        Response r = Api.run(c.language(), c.code(), extra);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        String body = r.asString();
        String context = c.name() + " → " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        assertEquals(200, r.statusCode(), context);
        JsonPath json = r.jsonPath();
        assertTrue(allowed.contains(json.getString("status")), "status not in " + allowed + ": " + context);
        String stdout = json.getString("stdout");
        for (String s : c.all("stdout-equals")) {
            assertEquals(s, stdout, context);
        }
        for (String s : c.all("stdout-contains")) {
            assertTrue(stdout.contains(s), "stdout lacks '" + s + "': " + context);
        }
        for (String s : c.all("stdout-not-contains")) {
            assertFalse(stdout.contains(s), "stdout has '" + s + "': " + context);
        }
        for (String s : c.all("stderr-equals")) {
            assertEquals(s, json.getString("stderr"), context);
        }
        for (String s : c.all("stderr-contains")) {
            assertTrue(json.getString("stderr").contains(s), "stderr lacks '" + s + "': " + context);
        }
        if (c.one("exit") != null) {
            assertEquals(Integer.parseInt(c.one("exit")), json.getInt("exitCode"), context);
        }
        if (c.one("signal") != null) {
            assertEquals(c.one("signal"), json.getString("signal"), context);
        }
        if (c.one("truncated") != null) {
            assertEquals(Boolean.parseBoolean(c.one("truncated")), json.getBoolean("truncated"), context);
        }
        if (c.one("hang-guard-ms") != null) {
            long max = Long.parseLong(c.one("hang-guard-ms"));
            assertTrue(wallMs <= max, "no answer within the hang guard: " + wallMs + " ms > " + max + ": " + context);
        }
    }

    static void healthy() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        Api.run("python", "print('still here')").then().statusCode(200)
                .body("stdout", org.hamcrest.Matchers.equalTo("still here\n"));
    }
}
