package dev.codeexec.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sessions as a client sees them: state kept between cells, commands and files sharing one working
 * directory, programs of a compiled language, cells out of time, and bad requests.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class SessionTest {

    private final Sessions client = new Sessions("10.20.0.1");

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @AfterEach
    void cleanUp() {
        client.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "python     | x = 41; print('made')       | x + 1 | 42 | 1/0                          | ZeroDivisionError",
        "javascript | var x = 41; console.log('made') | x + 1 | 42 | null.f                       | TypeError",
        "ruby       | x = 41; puts 'made'          | x + 1 | 42 | raise ArgumentError, 'bad'   | ArgumentError"})
    void aCellSeesTheNamesOfTheCellsBeforeIt(String language, String first, String second, String value, String failing,
            String error) {
        String id = client.create(language);
        Response made = client.code(id, first);
        assertEquals("OK", made.path("status"), made.asString());
        assertEquals("made\n", made.path("stdout"), made.asString());
        Response next = client.code(id, second);
        assertEquals("OK", next.path("status"), next.asString());
        assertEquals(value, next.path("result"), next.asString());
        Response failed = client.code(id, failing);
        assertEquals("RUNTIME_ERROR", failed.path("status"), failed.asString());
        assertEquals(error, failed.path("error.name"), failed.asString());
        assertEquals(value, client.code(id, second).path("result"), "an error keeps the names");
    }

    @Test
    void contextsHoldTheirOwnNames() {
        String id = client.create("python");
        client.code(id, "x = 1");
        client.code(id, "x = 2", "context", "other");
        assertEquals("1", client.code(id, "x").path("result"));
        assertEquals("2", client.code(id, "x", "context", "other").path("result"));
    }

    @Test
    void commandsCellsAndFilesShareOneWorkingDirectory() {
        String id = client.create("python");
        Response wrote = client.command(id, "mkdir -p out && printf 'from bash' > out/a.txt && pwd");
        assertEquals("OK", wrote.path("status"), wrote.asString());
        assertEquals("from bash", client.as().get("/sessions/" + id + "/files/out/a.txt").asString());
        assertEquals("'from bash'", client.code(id, "open('out/a.txt').read()").path("result"));

        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        client.as().contentType(ContentType.BINARY).body(every).put("/sessions/" + id + "/files/data/all.bin")
                .then().statusCode(204);
        assertEquals("256\n", client.command(id, "wc -c < data/all.bin").path("stdout"));
        assertArrayEquals(every, client.as().get("/sessions/" + id + "/files/data/all.bin").asByteArray());

        Response listed = client.as().get("/sessions/" + id + "/files");
        assertEquals(200, listed.statusCode(), listed.asString());
        assertEquals(List.of("data", "out"), listed.jsonPath().getList("name"));
        assertEquals(List.of("dir", "dir"), listed.jsonPath().getList("type"));
        Response inside = client.as().queryParam("dir", "data").get("/sessions/" + id + "/files");
        assertEquals(List.of("data/all.bin"), inside.jsonPath().getList("path"));
        assertEquals(256, (int) inside.jsonPath().getInt("[0].size"));

        client.as().delete("/sessions/" + id + "/files/out").then().statusCode(204);
        client.as().get("/sessions/" + id + "/files/out/a.txt").then().statusCode(404);
        assertEquals("False", client.code(id, "import os; os.path.exists('out')").path("result"));
    }

    @Test
    void aCompiledLanguageRunsItsProgramInTheSessionsDirectory() {
        String id = client.create("c");
        Response ran = client.code(id, "#include <stdio.h>\nint main(void) { int n; scanf(\"%d\", &n);"
                + " FILE *f = fopen(\"twice.txt\", \"w\"); fprintf(f, \"%d\", 2 * n); fclose(f); return 0; }", "input", "21");
        assertEquals("OK", ran.path("status"), ran.asString());
        assertEquals("42", client.command(id, "cat twice.txt").path("stdout"));
        Response broken = client.code(id, "int main(void) { return }");
        assertEquals("COMPILE_ERROR", broken.path("status"), broken.asString());
        assertTrue(broken.path("message").toString().contains("error"), broken.asString());
        assertNull(broken.path("result"));
    }

    @Test
    void pathsThatLeaveTheWorkingDirectoryAreRefused() {
        String id = client.create("bash");
        client.command(id, "ln -s /etc/passwd out; mkdir d; ln -s /etc d/up; echo in > t.txt; ln -s t.txt near")
                .then().statusCode(200);
        for (String path : List.of("out", "d/up/passwd")) {
            Response r = client.as().get("/sessions/" + id + "/files/" + path);
            assertEquals(400, r.statusCode(), path + ": " + r.asString());
            assertTrue(r.path("detail").toString().contains("leads out"), r.asString());
        }
        assertEquals("in\n", client.as().get("/sessions/" + id + "/files/near").asString(), "a link that stays inside");
        client.as().get("/sessions/" + id + "/files/missing.txt").then().statusCode(404);
        client.as().contentType(ContentType.BINARY).body(new byte[] {1}).put("/sessions/" + id + "/files/d/up/x")
                .then().statusCode(400);
        client.as().delete("/sessions/" + id + "/files/out").then().statusCode(204);
        assertEquals("root", client.command(id, "head -c 4 /etc/passwd").path("stdout"), "the link went, not its target");
    }

    @Test
    void aCellOutOfTimeIsInterruptedAndItsNamesStay() {
        String id = client.create("python");
        client.code(id, "x = 7");
        Response slow = client.code(id, "while True: pass", "timeoutMs", 500);
        assertEquals("TIMEOUT", slow.path("status"), slow.asString());
        assertEquals("7", client.code(id, "x").path("result"));
    }

    @Test
    void aCellThatIgnoresTheInterruptLosesItsReplNotTheSession() {
        String id = client.create("python");
        client.code(id, "x = 7");
        Response stuck = client.code(id, "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                + "while True: time.sleep(0.01)", "timeoutMs", 500);
        assertEquals("TIMEOUT", stuck.path("status"), stuck.asString());
        Response after = client.code(id, "x");
        assertEquals("NameError", after.path("error.name"), "a new REPL: " + after.asString());
        assertEquals("OK", client.command(id, "true").path("status"));
    }

    @Test
    void aCellThatPrintsWithoutEndIsCutAndItsNamesStay() {
        String id = client.create("python");
        client.code(id, "x = 7");
        Response loud = client.code(id, "while True: print('y' * 1000)", "timeoutMs", 20000);
        assertEquals("OUTPUT_LIMIT", loud.path("status"), loud.asString().substring(0, 300));
        assertTrue((boolean) loud.path("truncated"));
        assertTrue(loud.path("stdout").toString().length() <= 1024 * 1024);
        assertEquals("7", client.code(id, "x").path("result"));
    }

    @Test
    void aCommandReportsAsARunDoes() {
        String id = client.create("bash");
        Response failed = client.command(id, "echo out; echo err >&2; exit 3");
        assertEquals("RUNTIME_ERROR", failed.path("status"));
        assertEquals(3, (int) failed.path("exitCode"));
        assertEquals("out\n", failed.path("stdout"));
        assertEquals("err\n", failed.path("stderr"));
        assertEquals("cat got: hi", client.command(id, "printf 'cat got: '; cat", "input", "hi").path("stdout"));
        Response slow = client.command(id, "sleep 5", "timeoutMs", 300);
        assertEquals("TIMEOUT", slow.path("status"), slow.asString());
        Response info = client.as().get("/sessions/" + id);
        assertEquals(id, info.path("id"));
        assertEquals("bash", info.path("language"));
        assertEquals("test-replica", info.path("replica"));
        assertFalse((boolean) info.path("repl"));
    }

    @Test
    void badRequestsAreNamed() {
        assertBad(client.createRaw("cobol"), "language");
        assertBad(client.createRaw("python", "idleTimeoutMs", 10), "idleTimeoutMs");
        assertBad(client.createRaw("python", "memoryMb", 999999), "memoryMb");
        assertBad(client.createRaw("python", "files", List.of(Map.of("name", "../x", "content", "y"))), "files[0]");
        assertBad(client.as().contentType(ContentType.JSON).body("{\"language\":\"python\",\"nope\":1}").post("/sessions"),
                "nope");
        String id = client.create("python");
        assertBad(client.code(id, "1", "timeoutMs", 999999999), "timeoutMs");
        assertBad(client.as().contentType(ContentType.JSON).body(Map.of("code", "1", "command", "true"))
                .post("/sessions/" + id + "/run"), "exactly one");
        assertBad(client.code(id, "1", "input", "x"), "input");
        assertBad(client.as().urlEncodingEnabled(false).get("/sessions/" + id + "/files/a%01b"), "path");
    }

    @Test
    void aFigureOfACellComesBackAsAPng() {
        String id = client.create("python");
        Response r = client.code(id, "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [3, 1, 2])\nplt.show()",
                "timeoutMs", 20000);
        assertEquals("OK", r.path("status"), r.asString());
        assertEquals("image/png", r.path("images[0].mediaType"));
        byte[] png = java.util.Base64.getDecoder().decode((String) r.path("images[0].contentBase64"));
        assertEquals("89504e470d0a1a0a", java.util.HexFormat.of().formatHex(png, 0, 8));
    }

    @Test
    void aHugeFileIsRefusedAndTheSessionGoesOn() {
        // A body over 8 MiB is the HTTP tier's 413 (BadRequestTest); a file made inside is refused on read.
        String id = client.create("bash");
        assertEquals("OK", client.command(id, "head -c 9000000 /dev/zero > big.bin").path("status"));
        Response get = client.as().get("/sessions/" + id + "/files/big.bin");
        assertEquals(400, get.statusCode(), get.asString().length() > 300 ? "a body" : get.asString());
        assertTrue(get.path("detail").toString().contains("larger than"), get.asString());
        Response full = client.command(id, "head -c 20000000 /dev/zero > more.bin");
        assertEquals("RUNTIME_ERROR", full.path("status"), "past the session's 16 MiB disk: " + full.asString());
        assertEquals("OK", client.command(id, "rm more.bin big.bin && echo ok > small.txt").path("status"),
                "the session goes on");
    }

    @Test
    void filesSentWithTheSessionAreThere() {
        String id = client.create("python", "files", List.of(Map.of("name", "data.csv", "content", "a,b\n1,2\n"),
                Map.of("name", "blob.bin", "content", "AAEC", "encoding", "base64")));
        assertEquals("3", client.code(id, "len(open('blob.bin','rb').read())").path("result"));
        assertEquals("'a,b\\n1,2\\n'", client.code(id, "open('data.csv').read()").path("result"));
    }

    private static void assertBad(Response r, String mention) {
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.asString().contains(mention), mention + " not named in " + r.asString());
    }
}
