package dev.codeexec.e2b;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The E2B SDKs nobody here wrote, unmodified from npm (e2b 2.51.0, @e2b/code-interpreter 2.8.0,
 * installed by this test with npm ci from src/test/node/e2b into target/), pointed at the service
 * the way any E2B user points them at a self-hosted E2B: E2B_API_URL, E2B_SANDBOX_URL, E2B_API_KEY.
 * drive.mjs runs each step of the SDKs' everyday use and prints what each returned (or threw).
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class E2bSdkTest {

    private static final Path SOURCE = Path.of("src/test/node/e2b");
    private static final Path WORK = Path.of("target/e2b-client");
    private static JsonNode steps;

    @BeforeEach
    void drive() throws Exception {
        if (steps != null) {
            return;
        }
        Tools.require("node", "the E2B SDK test");
        Tools.require("npm", "the E2B SDK test");
        Api.awaitReady();
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "drive.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(WORK.resolve("node_modules/e2b/package.json"))) {
            Tools.run(WORK, Duration.ofMinutes(5), List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals("2.51.0", json.readTree(WORK.resolve("node_modules/e2b/package.json").toFile()).get("version").asText());
        assertEquals("2.8.0", json.readTree(WORK.resolve("node_modules/@e2b/code-interpreter/package.json").toFile())
                .get("version").asText());
        String url = "http://localhost:" + RestAssured.port;
        String out = Tools.run(WORK, Duration.ofMinutes(5), List.of("node", "drive.mjs"),
                Map.of("E2B_API_URL", url, "E2B_SANDBOX_URL", url, "E2B_API_KEY", "e2b_any_key_when_keys_are_off"));
        steps = json.readTree(out.substring(out.indexOf('{')));
    }

    @Test
    void createGetInfoListSetTimeoutConnectKill() {
        String id = steps.at("/created/id").asText();
        assertTrue(id.endsWith("-test-replica"), id);
        JsonNode info = steps.get("info");
        assertEquals(id, info.get("sandboxId").asText(), info.toString());
        assertEquals("base", info.get("templateId").asText());
        assertEquals("running", info.get("state").asText());
        assertEquals("e2b-sdk", info.at("/metadata/suite").asText());
        assertTrue(info.get("endAfterStart").asBoolean());
        assertEquals(60, steps.at("/setTimeout/endInSeconds").asInt(), steps.get("setTimeout").toString());
        assertEquals("256\n", steps.at("/connect/stdout").asText(), steps.get("connect").toString());
        assertEquals(List.of(id), ids(steps.at("/list/ids")), steps.get("list").toString());
        assertTrue(steps.at("/kill/killed").asBoolean(), steps.get("kill").toString());
        assertFalse(steps.at("/kill/again").asBoolean(), "a second kill finds nothing");
        assertTrue(steps.at("/gone/isNotFound").asBoolean(), steps.get("gone").toString());
    }

    @Test
    void commandsRunWithOutputAsItComesExitCodesAndBackgroundKills() {
        JsonNode run = steps.get("run");
        assertEquals("out\n", run.get("stdout").asText(), run.toString());
        assertEquals("err\n", run.get("stderr").asText());
        assertEquals(0, run.get("exitCode").asInt());
        JsonNode seen = steps.at("/callbacks/seen");
        assertEquals(2, seen.size(), steps.get("callbacks").toString());
        assertEquals("first\n", seen.get(0).get("d").asText());
        // onStdout fired for the first line while the command still slept: before the second line
        assertTrue(seen.get(1).get("at").asLong() - seen.get(0).get("at").asLong() >= 500, seen.toString());
        JsonNode fails = steps.get("fails");
        assertTrue(fails.get("isCommandExitError").asBoolean(), fails.toString());
        assertEquals(3, fails.get("exitCode").asInt());
        assertEquals("partial\n", fails.get("stdout").asText());
        JsonNode background = steps.get("background");
        assertTrue(background.get("listed").asBoolean(), background.toString());
        assertEquals("meanwhile\n", background.get("meanwhile").asText(), "a command beside a background one");
        assertTrue(background.get("killed").asBoolean());
        assertNotNull(background.at("/waited/thrown").textValue(), "a killed command ends in an error: " + background);
        assertFalse(background.get("listedAfter").asBoolean());
        assertFalse(background.get("killUnknown").asBoolean(), "killing an unknown pid is false, not an error");
    }

    @Test
    void filesAreWrittenReadListedAndRemoved() {
        JsonNode files = steps.get("files");
        assertEquals("/home/user/notes/hello.txt", files.at("/written/path").asText(), files.toString());
        assertEquals("hello\n", files.get("readBack").asText());
        assertTrue(files.get("bytesOk").asBoolean(), "256 bytes, each value once, back as written");
        assertTrue(files.get("exists").asBoolean());
        assertEquals("hello\n", files.get("fromShell").asText(), "a command sees the file the SDK wrote");
        assertFalse(files.get("existsAfter").asBoolean());
        assertTrue(files.at("/missing/isFileNotFound").asBoolean(), files.toString());
        assertTrue(files.get("list").toString().contains("{\"name\":\"notes\",\"type\":\"dir\",\"path\":\"/home/user/notes\"}"),
                files.toString());
        assertTrue(files.get("list").toString().contains("{\"name\":\"bin.dat\",\"type\":\"file\",\"path\":\"/home/user/bin.dat\"}"),
                files.toString());
    }

    @Test
    void directoriesRenamesInfoAndStdin() {
        JsonNode files = steps.get("moreFiles");
        assertTrue(files.get("made").asBoolean(), files.toString());
        assertFalse(files.get("again").asBoolean(), "a directory that exists is not made again");
        assertEquals("/home/user/dir/b.txt", files.get("moved").asText());
        assertEquals("b.txt", files.at("/info/name").asText(), files.toString());
        assertEquals("file", files.at("/info/type").asText());
        assertEquals(1, files.at("/info/size").asInt());
        assertNotNull(files.at("/outside/thrown").textValue(), "a path outside /home/user is refused: " + files);
        JsonNode stdin = steps.get("stdin");
        assertEquals("piped in", stdin.get("stdout").asText(), stdin.toString());
        assertEquals(0, stdin.get("exitCode").asInt());
    }

    @Test
    void cellsKeepStateErrorsAreErrorsAndPlotsArePngs() {
        JsonNode cells = steps.get("cells");
        assertEquals("hello\n", cells.at("/firstStdout/0").asText(), cells.toString());
        assertEquals("2", cells.get("secondText").asText(), "x = 1 then x + 1: " + cells);
        JsonNode error = steps.get("cellError");
        assertEquals("ValueError", error.get("name").asText(), error.toString());
        assertEquals("boom", error.get("value").asText());
        assertTrue(error.get("traceback").asText().contains("ValueError: boom"));
        JsonNode plot = steps.get("plot");
        assertTrue(plot.get("error").isNull(), plot.toString());
        assertEquals(1, plot.get("pngs").asInt(), plot.toString());
        assertEquals("89504e470d0a1a0a", plot.get("signature").asText(), "a PNG's signature");
        assertTrue(plot.get("bytes").asInt() > 1000, plot.toString());
    }

    @Test
    void aSecondContextHasItsOwnState() {
        JsonNode contexts = steps.get("contexts");
        assertEquals("NameError", contexts.get("inCtxError").asText(), "a new context knows no x: " + contexts);
        assertEquals("1", contexts.get("main").asText(), "the default context keeps its x");
        assertEquals("5", contexts.get("own").asText());
        assertTrue(contexts.get("listed").asBoolean());
        assertTrue(steps.at("/codeKill/killed").asBoolean());
    }

    @Test
    void killingACommandSparesTheReplBesideIt() {
        JsonNode step = steps.get("killSparesRepl");
        assertTrue(step.get("killed").asBoolean(), step.toString());
        assertEquals("42", step.get("kept").asText(), "the REPL's names survive a kill of another process: " + step);
    }

    private static List<String> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
