package dev.codeexec.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run's "outputs": the files it wrote that match the request's patterns come back in the answer
 * (name, size, media type, base64), within 16 files and 4 MiB, with outputsTruncated saying when a
 * cap or an unreadable file left one out.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
public class OutputFilesTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void aPlotComesBackAsAPng() {
        Response r = Api.run("python", "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [2, 4, 1])\n"
                + "plt.savefig('plot.png')\nprint('saved')", "outputs", List.of("*.png"), "timeoutMs", 10000);
        assertEquals("OK", r.path("status"), r.asString());
        assertEquals(List.of("plot.png"), r.jsonPath().getList("outputs.name"));
        assertEquals("image/png", r.path("outputs[0].mediaType"));
        byte[] png = Base64.getDecoder().decode((String) r.path("outputs[0].contentBase64"));
        assertEquals(png.length, (int) r.path("outputs[0].size"));
        assertTrue(png.length > 1000, "a plot of " + png.length + " bytes");
        assertEquals("89504e470d0a1a0a", java.util.HexFormat.of().formatHex(png, 0, 8), "a PNG's signature");
        assertEquals(false, r.path("outputsTruncated"));
    }

    @Test
    void onlyTheMatchingFilesComeBackAndStarStopsAtSlash() {
        Response r = Api.run("bash", "mkdir -p out/deep; echo a,b > result.csv; echo x > notes.txt; "
                + "echo y > out/r.csv; echo z > out/deep/r.csv", "outputs", List.of("*.csv", "out/*.csv"));
        assertEquals("OK", r.path("status"), r.asString());
        List<String> names = r.jsonPath().getList("outputs.name");
        assertEquals(List.of("out/r.csv", "result.csv"), names.stream().sorted().toList());
        assertEquals("text/csv", r.path("outputs[0].mediaType"));
        assertEquals(false, r.path("outputsTruncated"));
    }

    @Test
    void aCompiledProgramsFilesComeBackToo() {
        Response r = Api.run("c", "#include <stdio.h>\nint main(void) { FILE *f = fopen(\"o.txt\", \"w\"); "
                + "fputs(\"from c\", f); fclose(f); return 0; }", "outputs", List.of("o.txt"));
        assertEquals("OK", r.path("status"), r.asString());
        assertEquals("from c", new String(Base64.getDecoder().decode((String) r.path("outputs[0].contentBase64"))));
    }

    @Test
    void theCapsHoldAndSaySo() {
        Response many = Api.run("bash", "for i in $(seq 1 20); do echo $i > f$i.txt; done", "outputs",
                List.of("*.txt"));
        assertEquals(16, many.jsonPath().getList("outputs").size(), many.asString());
        assertEquals(true, many.path("outputsTruncated"));
        Response big = Api.run("bash", "head -c 5000000 /dev/zero > big.bin; echo small > s.bin", "outputs",
                List.of("*.bin"));
        assertEquals(List.of("s.bin"), big.jsonPath().getList("outputs.name"), "5 MB is past 4 MiB");
        assertEquals(true, big.path("outputsTruncated"));
    }

    @Test
    void withoutOutputsNothingComesBackAndNothingMatchingIsAnEmptyList() {
        Response none = Api.run("bash", "echo x > a.txt");
        assertNull(none.path("outputs"));
        assertNull(none.path("outputsTruncated"));
        Response empty = Api.run("bash", "true", "outputs", List.of("*.png"));
        assertEquals(List.of(), empty.jsonPath().getList("outputs"));
    }

    @Test
    void badOutputsAreNamed() {
        for (Object outputs : List.of(List.of(), List.of("/etc/passwd"), List.of(""), Collections.nCopies(17, "*"))) {
            Response r = Api.run("bash", "true", "outputs", outputs);
            assertEquals(400, r.statusCode(), outputs + ": " + r.asString());
            assertTrue(r.asString().contains("outputs"), r.asString());
        }
        Response withTests = Api.run("bash", "cat", "outputs", List.of("*"),
                "tests", List.of(Map.of("input", "a", "expectedOutput", "a")));
        assertEquals(400, withTests.statusCode(), withTests.asString());
    }
}
