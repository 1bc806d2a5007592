package dev.codeexec.languages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.codeexec.support.Api;
import dev.codeexec.support.Docker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator's extra packages per language (code-exec.languages.<id>.packages): Lua gets a Debian
 * library its image lacks and a program uses it; an unknown package leaves Perl out, its name in the
 * reason, with no image tagged; a name that is not a Debian package name never reaches a build. And the
 * optional JVM languages (Kotlin, Scala) compile and run against the Java libraries on their class path.
 */
@QuarkusTest
@TestProfile(ExtraPackagesTest.Profile.class)
class ExtraPackagesTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of(
                    "code-exec.languages.enabled", "lua,perl,bash,kotlin,scala",
                    "code-exec.languages.lua.packages", "lua-cjson",
                    "code-exec.languages.perl.packages", "libjson-perl,code-exec-no-such-package",
                    "code-exec.languages.bash.packages", "jq;rm"));
            String ca = hostCertificates();
            if (!ca.isEmpty()) {
                // Kotlin's and Scala's images download their compilers from Maven Central: behind an egress
                // proxy that intercepts TLS, they need the certificates the host trusts beyond Debian's.
                config.put("code-exec.images.build-args.EXTRA_CA_PEM", ca);
            }
            return config;
        }
    }

    /** The host's own additions to its trusted certificates (none on most machines). */
    static String hostCertificates() {
        Path dir = Path.of("/usr/local/share/ca-certificates");
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".crt")).sorted().map(f -> {
                try {
                    return Files.readString(f).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void anExtraPackageIsThereForEveryRunAndListed() {
        Response r = Api.run("lua", "local cjson = require 'cjson'\nprint(cjson.encode({a = 1}), cjson.decode('{\"b\":\"x\"}').b)");
        assertEquals("OK", r.path("status"), r.asString());
        assertEquals("{\"a\":1}\tx\n", r.path("stdout"));
        List<Map<String, String>> libraries = given().get("/runtimes").jsonPath()
                .getList("find { it.language == 'lua' }.libraries");
        assertTrue(libraries.stream().anyMatch(l -> l.get("name").equals("lua-cjson") && l.get("version").matches("\\d.*")),
                String.valueOf(libraries));
    }

    @Test
    void anUnknownPackageLeavesItsLanguageOutNamingIt() {
        Response runtimes = given().get("/runtimes");
        assertEquals(false, runtimes.jsonPath().get("find { it.language == 'perl' }.ready"), runtimes.asString());
        String reason = given().get("/q/health/ready").jsonPath().getString("checks[0].data.perl");
        assertTrue(reason.startsWith("unavailable") && reason.contains("no such Debian package: code-exec-no-such-package"),
                reason);
        assertEquals(503, Api.run("perl", "print 1").statusCode(), "known, but not available");
        try (DockerClient docker = Docker.client()) {
            List<String> tags = docker.listImagesCmd().exec().stream().filter(i -> i.getRepoTags() != null)
                    .flatMap(i -> Stream.of(i.getRepoTags())).toList();
            assertTrue(tags.stream().anyMatch(t -> t.startsWith("code-exec/lua-extended:")), "the engine was asked: " + tags);
            assertTrue(tags.stream().noneMatch(t -> t.startsWith("code-exec/perl-extended:")), "a failed build tags no image");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aNameThatIsNoPackageNameNeverReachesABuild() {
        String reason = given().get("/q/health/ready").jsonPath().getString("checks[0].data.bash");
        assertTrue(reason.startsWith("unavailable") && reason.contains("'jq;rm' is not a Debian package name"), reason);
    }

    @Test
    void kotlinAndScalaUseTheJavaLibraries() {
        Response kotlin = Api.run("kotlin", "import com.google.common.collect.ImmutableList\nimport com.google.gson.Gson\n\n"
                + "fun main() {\n    println(Gson().toJson(mapOf(\"a\" to 1)) + \" \" + ImmutableList.of(1, 2).reverse())\n}\n",
                "timeoutMs", 10000, "memoryMb", 512);
        assertEquals("OK", kotlin.path("status"), kotlin.asString());
        assertEquals("{\"a\":1} [2, 1]\n", kotlin.path("stdout"));
        Response scala = Api.run("scala", "import com.google.gson.Gson\nimport org.apache.commons.lang3.StringUtils\n\n"
                + "@main def hello(): Unit =\n  println(new Gson().toJson(java.util.Map.of(\"a\", 1)) + \" \" + StringUtils.capitalize(\"hi\"))\n",
                "timeoutMs", 10000, "memoryMb", 512);
        assertEquals("OK", scala.path("status"), scala.asString());
        assertEquals("{\"a\":1} Hi\n", scala.path("stdout"));
    }
}
