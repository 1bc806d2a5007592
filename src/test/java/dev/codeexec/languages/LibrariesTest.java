package dev.codeexec.languages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The libraries built into the runtime images (each runtime's packages.txt): a program imports,
 * includes or links one and prints what it computed; GET /runtimes lists them with their versions;
 * Piston's package list has Piston's shape; nothing a run does changes a library for the next run.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class LibrariesTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    static List<Object[]> programs() {
        return List.of(
                new Object[] {"python", "import numpy as np, pandas as pd, sympy, networkx as nx, yaml, regex\n"
                        + "from sortedcontainers import SortedList\nfrom sklearn.linear_model import LinearRegression\n"
                        + "from dateutil.parser import parse\n"
                        + "print(int(np.dot([1, 2, 3], [4, 5, 6])), pd.Series([1, 2, 3]).sum(), sympy.factor('x**2 - 1'),\n"
                        + "      nx.shortest_path_length(nx.path_graph(4), 0, 3), yaml.safe_load('a: 1')['a'],\n"
                        + "      bool(regex.match(r'\\p{L}+', 'é')), list(SortedList([3, 1, 2])),\n"
                        + "      round(float(LinearRegression().fit([[0], [1], [2]], [1, 3, 5]).coef_[0]), 3), parse('2026-12-07').year)",
                    "32 6 (x - 1)*(x + 1) 3 1 True [1, 2, 3] 2.0 2026\n"},
                new Object[] {"c", "#include <gmp.h>\n#include <stdio.h>\nint main(void) { mpz_t f; mpz_init(f); "
                        + "mpz_fac_ui(f, 25); gmp_printf(\"%Zd\\n\", f); return 0; }", "15511210043330985984000000\n"},
                new Object[] {"cpp", "#include <boost/lexical_cast.hpp>\n#include <Eigen/Dense>\n#include <fmt/core.h>\n"
                        + "#include <gmpxx.h>\n#include <iostream>\nint main() { Eigen::Matrix2d m; m << 1, 2, 3, 4; "
                        + "mpz_class big = 1; for (int i = 0; i < 70; i++) big *= 2; "
                        + "std::cout << boost::lexical_cast<int>(\"41\") + 1 << ' ' << m.determinant() << ' ' "
                        + "<< fmt::format(\"{:>4}\", 7) << ' ' << big << '\\n'; }", "42 -2    7 1180591620717411303424\n"},
                new Object[] {"javascript", "const _ = require('lodash'); console.log(_.chunk([1, 2, 3, 4, 5], 2));",
                    "[ [ 1, 2 ], [ 3, 4 ], [ 5 ] ]\n"},
                new Object[] {"ruby", "require 'nokogiri'\nrequire 'json'\n"
                        + "puts Nokogiri::HTML('<p class=\"a\">hi</p>').at_css('p.a').text + ' ' + JSON.generate({a: 1})",
                    "hi {\"a\":1}\n"},
                new Object[] {"php", "<?php echo bcadd('0.1', '0.2', 1), ' ', mb_strlen('é😀'), ' ', "
                        + "gmp_strval(gmp_pow(2, 70)), \"\\n\";", "0.3 2 1180591620717411303424\n"});
    }

    @ParameterizedTest
    @MethodSource("programs")
    void aProgramUsesItsLanguagesLibraries(String language, String code, String expected) {
        Response r = Api.run(language, code, "timeoutMs", 10000, "memoryMb", 512);
        assertEquals("OK", r.path("status"), r.asString());
        assertEquals(expected, r.path("stdout"));
    }

    @Test
    void theRuntimesListTheirLibrariesWithVersions() {
        Response r = given().get("/runtimes");
        for (Map.Entry<String, String> e : Map.of("python", "python3-numpy", "cpp", "libboost-dev", "c", "libgmp-dev",
                "javascript", "node-lodash", "ruby", "ruby-nokogiri", "php", "php8.2-bcmath").entrySet()) {
            List<Map<String, String>> libraries = r.jsonPath().getList("find { it.language == '" + e.getKey()
                    + "' }.libraries");
            assertTrue(libraries.stream().anyMatch(l -> l.get("name").equals(e.getValue())
                    && l.get("version").matches("\\d.*")), e + " in " + libraries);
        }
        assertEquals(List.of(), r.jsonPath().getList("find { it.language == 'bash' }.libraries"));
    }

    @Test
    void pistonsPackageListHasPistonsShapeAndClientsCannotInstall() {
        Response r = given().get("/api/v2/packages");
        assertEquals(200, r.statusCode());
        List<Map<String, Object>> packages = r.jsonPath().getList("$");
        assertTrue(packages.size() >= 20, r.asString());
        Map<String, Object> python = packages.stream().filter(p -> p.get("language").equals("python")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("language", "python", "language_version", "3.11.2", "installed", true), python);
        for (Response refused : List.of(
                given().contentType(ContentType.JSON).body("{\"language\":\"python\",\"version\":\"3.12.0\"}")
                        .post("/api/v2/packages"),
                given().contentType(ContentType.JSON).body("{\"language\":\"python\",\"version\":\"3.11.2\"}")
                        .delete("/api/v2/packages"))) {
            assertEquals(403, refused.statusCode(), refused.asString());
            assertTrue(refused.path("message").toString().contains("chosen by the operator"), refused.asString());
        }
    }

    @Test
    void aRunCannotChangeALibraryForTheNext() {
        Response r = Api.run("python", "import numpy, os\npath = os.path.join(os.path.dirname(numpy.__file__), '__init__.py')\n"
                + "try:\n    open(path, 'a').write('raise SystemExit(3)')\n    print('written')\nexcept OSError as e:\n"
                + "    print(type(e).__name__, bool(os.statvfs(path).f_flag & os.ST_RDONLY))");
        // Two walls: the file is root's (the program's user may not write it) on a read-only mount.
        assertEquals("PermissionError True\n", r.path("stdout"), r.asString());
        assertEquals("6\n", Api.run("python", "import numpy; print(int(numpy.sum([1, 2, 3])))").path("stdout"));
    }
}
