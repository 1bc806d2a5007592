package dev.codeexec.languages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bundled language against the real engine, from src/test/resources/conformance/<id>/: hello
 * world, stdin echoed to EOF, arguments, a non-zero exit code, stderr, a runtime error, UTF-8
 * output, and for compiled languages a compile error and a multi-file program (multi/, in the order
 * multi/ORDER gives). A case whose file is absent is skipped (conformance/README.md says why).
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class ConformanceTest {

    static final String INPUT = "first line\nzweite Zeile ü\n\n  spaces  \nlast line without newline";
    static final List<String> ARGS = List.of("a", "b c", "ü");

    @TestFactory
    Stream<DynamicNode> everyLanguage() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/conformance").toURI());
        // Every enabled language must have its folder; optional languages that are not enabled are left out.
        List<String> enabled = given().get("/runtimes").jsonPath().getList("language");
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> folders = dirs.filter(Files::isDirectory).sorted().toList();
            for (String id : enabled) {
                assertTrue(Files.isDirectory(root.resolve(id)), "no conformance programs for " + id);
            }
            return folders.stream().filter(d -> enabled.contains(d.getFileName().toString())).map(this::language)
                    .toList().stream();
        }
    }

    private DynamicNode language(Path dir) {
        String id = dir.getFileName().toString();
        List<DynamicTest> cases = new ArrayList<>();
        file(dir, "hello").ifPresent(f -> cases.add(test(id, "hello", () -> run(id, f, Map.of()).then()
                .body("status", equalTo("OK")).body("exitCode", equalTo(0))
                .body("stdout", equalTo("Hello, World!\n")).body("stderr", equalTo("")))));
        // echo.expected, where present, is what this language's echo prints for INPUT (sqlite: line by line).
        String echoed = Files.exists(dir.resolve("echo.expected")) ? read(dir.resolve("echo.expected")) : INPUT;
        file(dir, "echo").ifPresent(f -> cases.add(test(id, "echo", () -> run(id, f, Map.of("input", INPUT)).then()
                .body("status", equalTo("OK")).body("stdout", equalTo(echoed)))));
        file(dir, "args").ifPresent(f -> cases.add(test(id, "args", () -> run(id, f, Map.of("args", ARGS)).then()
                .body("status", equalTo("OK")).body("stdout", equalTo(String.join(" ", ARGS) + "\n")))));
        file(dir, "exit").ifPresent(f -> cases.add(test(id, "exit", () -> run(id, f, Map.of()).then()
                .body("status", equalTo("RUNTIME_ERROR")).body("exitCode", equalTo(3)).body("stdout", equalTo("")))));
        file(dir, "stderr").ifPresent(f -> cases.add(test(id, "stderr", () -> run(id, f, Map.of()).then()
                .body("status", equalTo("OK")).body("stdout", equalTo("")).body("stderr", equalTo("oops\n")))));
        file(dir, "crash").ifPresent(f -> cases.add(test(id, "crash", () -> {
            Response r = run(id, f, Map.of());
            r.then().body("status", equalTo("RUNTIME_ERROR"));
            assertNotEquals(0, r.jsonPath().getInt("exitCode"));
        })));
        file(dir, "utf8").ifPresent(f -> cases.add(test(id, "utf8", () -> run(id, f, Map.of()).then()
                .body("status", equalTo("OK")).body("stdout", equalTo("héllo wörld ✓ 日本\n")))));
        file(dir, "compile-error").ifPresent(f -> cases.add(test(id, "compile-error", () -> run(id, f, Map.of()).then()
                .body("status", equalTo("COMPILE_ERROR")).body("compile.status", equalTo("COMPILE_ERROR"))
                .body("exitCode", equalTo(null)).body("message", not(emptyString())))));
        Path multi = dir.resolve("multi");
        if (Files.isDirectory(multi)) {
            cases.add(test(id, "multi-file", () -> multi(id, multi).then()
                    .body("status", equalTo("OK")).body("stdout", equalTo("42\n"))));
        }
        return DynamicContainer.dynamicContainer(id, cases);
    }

    private static DynamicTest test(String id, String name, Runnable check) {
        return DynamicTest.dynamicTest(id + " " + name, () -> {
            Api.awaitReady();
            check.run();
        });
    }

    private static Optional<Path> file(Path dir, String name) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith(name + ".")
                    && !f.getFileName().toString().endsWith(".expected")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response run(String language, Path file, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("code", read(file));
        Response r = given().contentType(ContentType.JSON).body(body).post("/run/" + language);
        assertTrue(r.statusCode() == 200, language + " " + file.getFileName() + " → " + r.statusCode() + " " + r.asString());
        return r;
    }

    private static Response multi(String language, Path dir) {
        List<Map<String, String>> files = new ArrayList<>();
        for (String name : read(dir.resolve("ORDER")).lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            files.add(Map.of("name", name, "content", read(dir.resolve(name))));
        }
        Response r = given().contentType(ContentType.JSON).body(Map.of("files", files)).post("/run/" + language);
        assertTrue(r.statusCode() == 200, language + " multi → " + r.statusCode() + " " + r.asString());
        return r;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
