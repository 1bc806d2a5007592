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
                        + "gmp_strval(gmp_pow(2, 70)), \"\\n\";", "0.3 2 1180591620717411303424\n"},
                new Object[] {"typescript", "import _ from 'lodash';\nconst pairs: number[][] = _.chunk([1, 2, 3, 4, 5], 2);\n"
                        + "console.log(JSON.stringify(pairs), _.sum(_.flatten(pairs)));", "[[1,2],[3,4],[5]] 15\n"},
                new Object[] {"java", JAVA, "{\"a\":1} Hi [2, 1]\n"},
                new Object[] {"fortran", "program main\n  implicit none\n  double precision :: a(2,2), b(2)\n"
                        + "  integer :: ipiv(2), info\n  a = reshape([2d0, 1d0, 1d0, 3d0], [2, 2])\n  b = [3d0, 5d0]\n"
                        + "  call dgesv(2, 1, a, 2, ipiv, b, 2, info)\n  print '(I0,1X,F5.3,1X,F5.3)', info, b(1), b(2)\n"
                        + "end program main\n", "0 0.800 1.400\n"},
                new Object[] {"rust", "use itertools::Itertools;\nuse rand::{rngs::StdRng, Rng, SeedableRng};\n"
                        + "use serde::Serialize;\n#[derive(Serialize)]\nstruct Point { x: i32, name: String }\n"
                        + "fn main() {\n    let n: u32 = StdRng::seed_from_u64(42).gen_range(0..1000);\n"
                        + "    let caps = regex::Regex::new(r\"(\\d+)-(\\d+)\").unwrap().captures(\"12-34\").unwrap();\n"
                        + "    let json = serde_json::to_string(&Point { x: 1, name: \"a\".into() }).unwrap();\n"
                        + "    println!(\"{} {} {} {}\", n, json, &caps[2], [3, 1, 2].iter().sorted().join(\",\"));\n}\n",
                    RUST_SEEDED + " {\"x\":1,\"name\":\"a\"} 34 1,2,3\n"},
                new Object[] {"go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/google/go-cmp/cmp\"\n"
                        + "\t\"golang.org/x/exp/slices\"\n)\n\nfunc main() {\n\ta := []int{3, 1, 2}\n\tslices.Sort(a)\n"
                        + "\tfmt.Println(a, cmp.Equal(a, []int{1, 2, 3}), cmp.Diff(1, 2) != \"\")\n}\n", "[1 2 3] true true\n"},
                new Object[] {"r", "suppressPackageStartupMessages({ library(dplyr); library(data.table) })\n"
                        + "df <- data.frame(g = c('a', 'b', 'a'), v = 1:3)\n"
                        + "s <- df %>% group_by(g) %>% summarise(t = sum(v))\ndt <- data.table(x = c(1, 2, 3))\n"
                        + "cat(s$t, dt[, sum(x)], '\\n')\n", "4 2 6 \n"});
    }

    /** Gson, Commons Lang 3 and Guava, on Java's class path at compile and run time. */
    static final String JAVA = "import com.google.common.collect.ImmutableList;\nimport com.google.gson.Gson;\n"
            + "import java.util.Map;\nimport org.apache.commons.lang3.StringUtils;\n\npublic class Main {\n"
            + "    public static void main(String[] args) {\n        System.out.println(new Gson().toJson(Map.of(\"a\", 1)) + \" \"\n"
            + "                + StringUtils.capitalize(\"hi\") + \" \" + ImmutableList.of(1, 2).reverse());\n    }\n}\n";

    /** rand 0.8's StdRng (ChaCha12) seeded with 42: the same number on every machine and every run. */
    static final String RUST_SEEDED = "133";

    @ParameterizedTest
    @MethodSource("programs")
    void aProgramUsesItsLanguagesLibraries(String language, String code, String expected) {
        Response r = Api.run(language, code, "timeoutMs", 10000, "memoryMb", 512);
        assertEquals("OK", r.path("status"), r.asString());
        assertEquals(expected, r.path("stdout"));
    }

    @Test
    void ggplot2DrawsAPngTheRunBringsBack() {
        Response r = Api.run("r", "library(ggplot2)\np <- ggplot(data.frame(x = 1:3, y = c(2, 4, 3)), aes(x, y)) + geom_line()\n"
                + "ggsave('plot.png', p, width = 3, height = 2, dpi = 50)\n", "timeoutMs", 10000, "memoryMb", 512,
                "outputs", List.of("*.png"));
        assertEquals("OK", r.path("status"), r.asString());
        assertEquals("plot.png", r.path("outputs[0].name"), r.asString());
        byte[] png = java.util.Base64.getDecoder().decode(r.<String>path("outputs[0].contentBase64"));
        assertEquals("89504e470d0a1a0a", java.util.HexFormat.of().formatHex(png, 0, 8), "a PNG signature");
        assertTrue(png.length > 500, "a drawing, not an empty file: " + png.length + " bytes");
    }

    /** Programs that try to change an installed library: the jar, the prebuilt crates, an R package. */
    static List<Object[]> writes() {
        return List.of(
                new Object[] {"java", "public class Main {\n    public static void main(String[] a) {\n"
                        + "        try (var out = new java.io.FileOutputStream(\"/usr/share/java/gson.jar\", true)) {\n"
                        + "            out.write(1);\n            System.out.println(\"written\");\n"
                        + "        } catch (java.io.IOException e) {\n            System.out.println(\"refused\");\n        }\n    }\n}\n"},
                new Object[] {"rust", "fn main() {\n    let mut written = 0;\n"
                        + "    for f in std::fs::read_dir(\"/opt/code-exec/rust/deps\").unwrap() {\n"
                        + "        if std::fs::OpenOptions::new().append(true).open(f.unwrap().path()).is_ok() { written += 1; }\n    }\n"
                        + "    let created = std::fs::write(\"/opt/code-exec/rust/deps/librand-0.rlib\", b\"x\").is_ok();\n"
                        + "    println!(\"{}\", if written == 0 && !created { \"refused\" } else { \"written\" });\n}\n"},
                new Object[] {"r", "ok <- tryCatch({ cat('x', file = system.file('DESCRIPTION', package = 'dplyr'), append = TRUE); TRUE },\n"
                        + "  warning = function(w) FALSE, error = function(e) FALSE)\ncat(if (ok) 'written' else 'refused', '\\n', sep = '')\n"});
    }

    @ParameterizedTest
    @MethodSource("writes")
    void aRunCannotChangeTheLibrariesOf(String language, String code) {
        Response r = Api.run(language, code, "timeoutMs", 10000);
        assertEquals("refused\n", r.path("stdout"), r.asString());
        Object[] program = programs().stream().filter(p -> p[0].equals(language)).findFirst().orElseThrow();
        Response after = Api.run(language, (String) program[1], "timeoutMs", 10000, "memoryMb", 512);
        assertEquals(program[2], after.path("stdout"), "the next run uses the library as before: " + after.asString());
    }

    @Test
    void theRuntimesListTheirLibrariesWithVersions() {
        Response r = given().get("/runtimes");
        for (Map.Entry<String, String> e : Map.ofEntries(Map.entry("python", "python3-numpy"),
                Map.entry("cpp", "libboost-dev"), Map.entry("c", "libgmp-dev"), Map.entry("javascript", "node-lodash"),
                Map.entry("typescript", "node-lodash"), Map.entry("ruby", "ruby-nokogiri"), Map.entry("php", "php8.2-bcmath"),
                Map.entry("java", "libgoogle-gson-java"), Map.entry("fortran", "liblapack-dev"),
                Map.entry("rust", "librust-rand-dev"), Map.entry("go", "golang-github-google-go-cmp-dev"),
                Map.entry("r", "r-cran-ggplot2")).entrySet()) {
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
