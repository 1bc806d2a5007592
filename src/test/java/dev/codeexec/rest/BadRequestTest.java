package dev.codeexec.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.codeexec.support.Api;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends, the answer is a clear JSON error, and the service stays healthy. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(dev.codeexec.support.NoLeftoverContainers.class)
class BadRequestTest {

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then().contentType(ContentType.JSON);
    }

    @Test
    void unsupportedLanguageUsesTheSeedWording() {
        post("/run/cobol", "{\"code\":\"x\"}").statusCode(400)
                .body("message", startsWith("Language not supported. The languages supported are: "))
                .body("message", containsString("python"))
                .body("status", equalTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\": ", "{code: 'x'}", "not json", "{\"code\":\"x\"} trailing", "{\"code\": 'x'}"})
    void malformedJsonIs400(String body) {
        post("/run/python", body).statusCode(400).body("message", startsWith("Malformed JSON"));
    }

    @Test
    void numericCodeIs400NotACrash() {
        post("/run/python", "{\"code\": 123}").statusCode(400).body("message", equalTo("Field 'code' must be a string"));
        post("/run/python", "{\"code\": true}").statusCode(400);
        post("/run/python", "{\"code\": [\"print(1)\"]}").statusCode(400);
        post("/run/python", "{\"code\": {\"a\": 1}}").statusCode(400);
    }

    @Test
    void missingOrEmptyCodeIs400() {
        post("/run/python", "{}").statusCode(400).body("message", containsString("code is required"));
        post("/run/python", "{\"code\": \"\"}").statusCode(400).body("message", containsString("code is required"));
        post("/run/python", "{\"code\": null}").statusCode(400);
        post("/run/python", "").statusCode(400);
        post("/run/python", "null").statusCode(400);
        post("/run/python", "\"print(1)\"").statusCode(400).body("message", equalTo("The body must be a JSON object"));
    }

    @Test
    void wrongTypesAre400() {
        post("/run/python", "{\"code\": \"x\", \"input\": 5}").statusCode(400)
                .body("message", equalTo("Field 'input' must be a string"));
        post("/run/python", "{\"code\": \"x\", \"timeoutMs\": \"1000\"}").statusCode(400)
                .body("message", equalTo("Field 'timeoutMs' must be an integer"));
        post("/run/python", "{\"code\": \"x\", \"timeoutMs\": 1.5}").statusCode(400);
        post("/run/python", "{\"code\": \"x\", \"memoryMb\": 99999999999}").statusCode(400);
        post("/run/python", "{\"code\": \"x\", \"args\": \"a\"}").statusCode(400);
        post("/run/python", "{\"code\": \"x\", \"args\": [1]}").statusCode(400);
        post("/run/python", "{\"code\": \"x\", \"args\": [null]}").statusCode(400);
        post("/run/python", "{\"code\": \"x\", \"args\": [\"a\", 2]}").statusCode(400)
                .body("message", equalTo("Field 'args[1]' must be a string"));
        post("/run/python", "[1, 2]").statusCode(400).body("message", equalTo("The body must be a JSON object"));
        post("/run/python", "{\"code\": \"x\", \"args\": [\"a\\u0000b\"]}").statusCode(400);
    }

    @Test
    void unknownFieldsAreRejectedNotPassedOn() {
        post("/run/python", "{\"code\": \"x\", \"image\": \"alpine\"}").statusCode(400)
                .body("message", equalTo("Unknown field 'image'"));
        post("/run/python", "{\"code\": \"x\", \"privileged\": true}").statusCode(400);
    }

    @Test
    void limitsAboveTheCapsAre400() {
        post("/run/python", "{\"code\": \"x\", \"timeoutMs\": 10001}").statusCode(400)
                .body("message", equalTo("timeoutMs must be between 1 and 10000"));
        post("/run/python", "{\"code\": \"x\", \"timeoutMs\": 0}").statusCode(400);
        post("/run/python", "{\"code\": \"x\", \"memoryMb\": 513}").statusCode(400)
                .body("message", equalTo("memoryMb must be between 16 and 512"));
        post("/run/python", "{\"code\": \"x\", \"memoryMb\": 4}").statusCode(400);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"code\": \"x\", \"files\": [{\"name\": \"a.py\", \"content\": \"x\"}]}       | send either code or files, not both",
            "{\"files\": []}                                                                  | files must hold between 1 and 32 files",
            "{\"files\": [null]}                                                              | files[0] must be an object with name and content",
            "{\"files\": [{\"content\": \"x\"}]}                                            | files[0].name is required",
            "{\"files\": [{\"name\": \"a.py\"}]}                                            | files[0].content is required",
            "{\"files\": [{\"name\": \"../a.py\", \"content\": \"x\"}]}                    | files[0].name must be a plain file name",
            "{\"files\": [{\"name\": \"a.py\", \"content\": \"x\"}, {\"name\": \"..\", \"content\": \"x\"}]} | files[1].name must be a plain file name",
            "{\"files\": [{\"name\": \"a\\u0000.py\", \"content\": \"x\"}]}               | files[0].name must be a plain file name",
            "{\"files\": [{\"name\": \"a.py\", \"content\": \"x\"}, {\"name\": \"a.py\", \"content\": \"y\"}]} | files[1].name 'a.py' appears twice",
            "{\"files\": [{\"name\": \"a.py\", \"content\": \"%%%\", \"encoding\": \"base64\"}]} | files[0].content is not valid base64",
            "{\"files\": [{\"name\": \"a.py\", \"content\": \"x\", \"encoding\": \"rot13\"}]}  | files[0].encoding must be utf8 or base64",
            "{\"files\": [{\"name\": \"a.py\", \"content\": \"x\", \"mode\": 7}]}            | Unknown field 'mode'",
            "{\"code\": \"x\", \"compileTimeoutMs\": 30001}                                   | compileTimeoutMs must be between 1 and 30000",
            "{\"code\": \"x\", \"compileMemoryMb\": 1025}                                     | compileMemoryMb must be between 16 and 1024"})
    void badFilesAndCompileLimitsAre400NamingTheField(String body, String message) {
        post("/run/python", body).statusCode(400).body("message", startsWith(message));
    }

    @Test
    void filesMayNotBeTooManyOrTooLargeTogether() {
        StringBuilder many = new StringBuilder("{\"files\": [");
        for (int i = 0; i < 33; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"f").append(i).append(".py\", \"content\": \"x\"}");
        }
        post("/run/python", many.append("]}").toString()).statusCode(400)
                .body("message", equalTo("files must hold between 1 and 32 files"));
        String half = "x".repeat(33 * 1024);
        post("/run/python", "{\"files\": [{\"name\": \"a.py\", \"content\": \"" + half + "\"}, "
                + "{\"name\": \"b.py\", \"content\": \"" + half + "\"}]}").statusCode(400)
                .body("message", equalTo("files are more than 65536 bytes together"));
        String name = "n".repeat(256);
        post("/run/python", "{\"files\": [{\"name\": \"" + name + "\", \"content\": \"x\"}]}").statusCode(400)
                .body("message", startsWith("files[0].name must be a plain file name"));
    }

    @Test
    void codeOneByteOverTheCapIs400() {
        String code = "#" + "x".repeat(64 * 1024);
        post("/run/python", "{\"code\": \"" + code + "\"}").statusCode(400)
                .body("message", equalTo("code is 65537 bytes; the limit is 65536 bytes"));
    }

    @Test
    void inputOverTheCapIs400() {
        String input = "x".repeat(1024 * 1024 + 1);
        post("/run/python", "{\"code\": \"x\", \"input\": \"" + input + "\"}").statusCode(400)
                .body("message", containsString("input is 1048577 bytes"));
    }

    @Test
    void tooManyArgsAre400() {
        String args = "\"a\",".repeat(64) + "\"a\"";
        post("/run/python", "{\"code\": \"x\", \"args\": [" + args + "]}").statusCode(400)
                .body("message", equalTo("at most 64 args are allowed"));
    }

    @Test
    void hugeBodyIs413BeforeItIsRead() throws Exception {
        // A 10 MB body declared up front: the answer must come before the body is sent, as JSON.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /run/python HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10485760\r\n\r\n{\"code\": \"xxxx").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = Api.readJsonAnswer(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/json"), answer);
            assertTrue(answer.contains("\"status\":413"), answer);
        }
        given().get("/q/health/live").then().statusCode(200);
    }


    @Test
    void deeplyNestedJsonIs400() {
        String body = "{\"code\": \"x\", \"args\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        post("/run/python", body).statusCode(400);
        String deep = "{\"code\": \"x\", \"a\": " + "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000) + "}";
        post("/run/python", deep).statusCode(400);
    }

    @Test
    void nonJsonContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("print(1)").post("/run/python").then()
                .statusCode(415).contentType(ContentType.JSON)
                .body("message", equalTo("Content-Type must be application/json"));
        given().contentType("application/x-www-form-urlencoded").formParam("code", "x").post("/run/python")
                .then().statusCode(415).contentType(ContentType.JSON);
    }

    @Test
    void duplicateKeysAre400() {
        post("/run/python", "{\"code\": \"print(1)\", \"code\": \"print(2)\"}").statusCode(400)
                .body("message", containsString("Duplicate field 'code'"));
        post("/run/python", "{\"code\": \"x\", \"input\": \"a\", \"input\": \"b\"}").statusCode(400);
    }

    @Test
    void invalidUtf8Is400NotDecoded() {
        byte[] overlongSlash = {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"', '}'};
        byte[] encodedSurrogate = {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        byte[] truncated = {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'};
        for (byte[] body : new byte[][] {overlongSlash, encodedSurrogate, truncated}) {
            given().contentType(ContentType.JSON).body(body).post("/run/python").then()
                    .statusCode(400).contentType(ContentType.JSON)
                    .body("message", equalTo("Malformed JSON: Invalid UTF-8 in the body"));
        }
    }

    @Test
    void missingContentTypeIs415() throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + RestAssured.port + "/run/python"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\": \"print(1)\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(415, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(answer.body().contains("Content-Type must be application/json"), answer.body());
    }

    @Test
    void hugeChunkedBodyIs413Json() throws Exception {
        // No Content-Length: the limit can only be noticed while reading; the answer must still be JSON.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /run/python HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 144; i++) { // 9 MiB
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedByTheServer) {
                // the server answered and closed while we were still sending
            }
            String answer = Api.readJsonAnswer(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/json"), answer);
            assertTrue(answer.contains("\"status\":413"), answer);
        }
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void chunkedBodiesUnderTheLimitStillWork() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String body = "{\"code\": \"x\", \"timeoutMs\": 0}";
            socket.getOutputStream().write(("POST /run/python HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                    + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = Api.readJsonAnswer(socket);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("timeoutMs must be between"), answer);
        }
    }

    @Test
    void unknownRoutesAre404Json() {
        given().get("/nope").then().statusCode(404).contentType(ContentType.JSON).body("status", equalTo(404));
        given().contentType(ContentType.JSON).body("{}").post("/run").then().statusCode(404)
                .contentType(ContentType.JSON);
        given().get("/run/python").then().statusCode(405).contentType(ContentType.JSON);
    }

    @Test
    void serviceStaysHealthyAfterAllThat() {
        malformedJsonIs400("{");
        numericCodeIs400NotACrash();
        given().get("/q/health/live").then().statusCode(200);
        Api.awaitReady();
        Api.run("python", "print(1)").then().statusCode(200).body("stdout", equalTo("1\n"));
    }
}
