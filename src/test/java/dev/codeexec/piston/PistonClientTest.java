package dev.codeexec.piston;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.Tools;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Piston client nobody here wrote: the npm package piston-client 1.0.2, installed by this test
 * (npm ci from src/test/node/piston-client, into target/) and run unchanged from node by
 * drive.mjs, which prints every answer the client returned.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class PistonClientTest {

    private static final Path SOURCE = Path.of("src/test/node/piston-client");
    private static final Path WORK = Path.of("target/piston-client");
    private static JsonNode answers;

    @BeforeEach
    void drive() throws Exception {
        if (answers != null) {
            return;
        }
        Tools.require("node", "the piston-client test");
        Tools.require("npm", "the piston-client test");
        Api.awaitReady();
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "drive.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(WORK.resolve("node_modules/piston-client/package.json"))) {
            Tools.run(WORK, Duration.ofMinutes(5), List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
        }
        JsonNode installed = new ObjectMapper().readTree(WORK.resolve("node_modules/piston-client/package.json").toFile());
        assertEquals("1.0.2", installed.get("version").asText());
        String out = Tools.run(WORK, Duration.ofMinutes(3),
                List.of("node", "drive.mjs", "http://localhost:" + RestAssured.port));
        answers = new ObjectMapper().readTree(out);
    }

    @Test
    void listsTheRuntimes() {
        JsonNode runtimes = answers.get("runtimes");
        assertTrue(runtimes.isArray() && runtimes.size() >= 3, runtimes.toString());
        for (String language : List.of("python", "javascript", "c")) {
            assertNotNull(runtime(language), language + " missing from " + runtimes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "javascript", "c", "java"})
    void runsWithStdinAndArgs(String language) {
        // every language here is bundled: one missing from the runtimes is the regression to catch, never a skip
        assertNotNull(runtime(language), language + " is missing from the runtimes: " + answers.get("runtimes"));
        JsonNode answer = answers.get(language);
        assertNotNull(answer, "no answer for " + language + ": " + answers);
        String expected = switch (language) {
            case "python" -> "Hello, Ada! ['x', 'y z']\n";
            case "javascript" -> "Hello, Ada! [ 'x', 'y z' ]\n";
            default -> "Hello, Ada! x y z\n";
        };
        assertEquals(language, answer.get("language").asText(), answer.toString());
        assertEquals(runtime(language).get("version"), answer.get("version"));
        assertEquals(expected, answer.at("/run/stdout").asText(), answer.toString());
        assertEquals(0, answer.at("/run/code").asInt(), answer.toString());
        assertTrue(answer.at("/run/status").isNull(), answer.toString());
        if (language.equals("c") || language.equals("java")) {
            assertEquals(0, answer.at("/compile/code").asInt(), answer.toString());
        }
    }

    @Test
    void theClientsDefaultsAndItsSingleObjectForm() {
        assertEquals("['1', '2', '3']\n", answers.at("/defaults/run/stdout").asText(), answers.get("defaults").toString());
        assertEquals("javascript", answers.at("/config/language").asText());
        assertEquals("1,2,3\n", answers.at("/config/run/stdout").asText(), answers.get("config").toString());
    }

    @Test
    void timeoutsAndCompileErrorsReadAsInPiston() {
        assertEquals("TO", answers.at("/timeout/run/status").asText(), answers.get("timeout").toString());
        assertEquals("SIGKILL", answers.at("/timeout/run/signal").asText());
        JsonNode failed = answers.get("compileError");
        assertEquals("RE", failed.at("/compile/status").asText(), failed.toString());
        assertEquals(failed.get("compile"), failed.get("run"), "the run repeats the failed compilation");
        assertTrue(failed.at("/run/output").asText().contains("missing"), failed.toString());
    }

    @Test
    void anUnknownLanguageIsAPistonError() {
        assertEquals("version is required as a string", answers.at("/unknown/message").asText(), answers.toString());
    }

    private static JsonNode runtime(String language) {
        for (JsonNode r : answers.get("runtimes")) {
            if (r.get("language").asText().equals(language)) {
                return r;
            }
        }
        return null;
    }
}
