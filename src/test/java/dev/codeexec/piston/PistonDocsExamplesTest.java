package dev.codeexec.piston;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.Piston;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays the request and response examples of Piston's documentation (src/test/resources/piston/). */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class PistonDocsExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @ParameterizedTest
    @ValueSource(strings = {"readme", "api-v2"})
    void runtimesHaveTheDocumentedShape(String doc) throws IOException {
        JsonNode documented = example(doc + "-runtimes-response.json");
        JsonNode ours = JSON.readTree(given().get("/api/v2/runtimes").then().statusCode(200)
                .contentType("application/json").extract().asString());
        assertTrue(ours.size() >= 1, ours.toString());
        Set<String> documentedKeys = new HashSet<>();
        documented.forEach(r -> r.fieldNames().forEachRemaining(documentedKeys::add));
        for (JsonNode runtime : ours) {
            Set<String> keys = keys(runtime);
            assertTrue(documentedKeys.containsAll(keys), "undocumented keys in " + runtime);
            assertTrue(keys.containsAll(Set.of("language", "version", "aliases")), runtime.toString());
            assertTrue(runtime.get("version").asText().matches("\\d+\\.\\d+\\.\\d+"), runtime.toString());
            assertTrue(runtime.get("aliases").isArray(), runtime.toString());
        }
    }

    /**
     * The documented job, as documented except for its version (node 15.10.0 is not installed here,
     * so the request names the version /api/v2/runtimes lists; the verbatim request is the next test)
     * and a run_timeout of 10 s (the default of 3 s is not enough for node on a loaded machine).
     */
    @ParameterizedTest
    @ValueSource(strings = {"readme", "api-v2"})
    void executeExampleAnswersAsDocumented(String doc) throws IOException {
        ObjectNode request = (ObjectNode) example(doc + "-execute-request.json");
        String version = runtimeVersion("javascript");
        request.put("version", version);
        request.put("run_timeout", 10_000); // node starts slowly on a loaded machine: its 3 s default is no hang guard
        JsonNode documented = example(doc + "-execute-response.json");

        JsonNode ours = JSON.readTree(Piston.execute(request.toString()).then().statusCode(200)
                .contentType("application/json").extract().asString());
        assertEquals(keys(documented), keys(ours), ours.toString());
        assertTrue(keys(ours.get("run")).containsAll(keys(documented.get("run"))), ours.toString());
        // Piston's code answers with the language's name (its readme's example shows the alias sent).
        assertEquals("javascript", ours.get("language").asText());
        assertEquals(version, ours.get("version").asText());
        JsonNode run = ours.get("run");
        JsonNode expected = documented.get("run");
        // process.argv: the interpreter's and the script's paths differ by installation, the arguments do not.
        List<String> argv = quoted(run.get("stdout").asText());
        List<String> documentedArgv = quoted(expected.get("stdout").asText());
        assertEquals(documentedArgv.subList(2, 5), argv.subList(2, 5), run.toString());
        assertEquals(5, argv.size(), run.toString());
        assertTrue(argv.get(1).endsWith("/my_cool_code.js"), argv.get(1));
        assertEquals(run.get("stdout"), run.get("output"));
        assertEquals(expected.get("stderr"), run.get("stderr"));
        assertEquals(expected.get("code"), run.get("code"));
        assertEquals(expected.get("signal"), run.get("signal"));
        if (expected.has("status")) {
            assertEquals(expected.get("message"), run.get("message"));
            assertEquals(expected.get("status"), run.get("status"));
        }
        assertTrue(run.get("wall_time").asLong() > 0 && run.get("memory").asLong() > 0, run.toString());
        assertTrue(run.get("cpu_time").isIntegralNumber(), run.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"readme", "api-v2"})
    void theVerbatimExampleNamesAVersionThatIsNotInstalledHere(String doc) throws IOException {
        Response r = Piston.execute(example(doc + "-execute-request.json").toString());
        r.then().statusCode(400).contentType("application/json");
        assertEquals(JSON.readTree("{\"message\": \"js-15.10.0 runtime is unknown\"}"), JSON.readTree(r.asString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"readme"})
    void errorExampleIsAnsweredWordForWord(String doc) throws IOException {
        String body = "{\"language\": \"html\", \"version\": \"5.0.0\", \"files\": [{\"content\": \"<p>hi</p>\"}]}";
        Response r = Piston.execute(body);
        r.then().statusCode(400).contentType("application/json");
        assertEquals(example(doc + "-error-response.json"), JSON.readTree(r.asString()));
    }

    static String runtimeVersion(String language) {
        return given().get("/api/v2/runtimes").then().statusCode(200).extract().jsonPath()
                .getString("find { it.language == '" + language + "' }.version");
    }

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = PistonDocsExamplesTest.class.getResourceAsStream("/piston/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> quoted(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
