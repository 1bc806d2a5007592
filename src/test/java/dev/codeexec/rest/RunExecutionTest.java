package dev.codeexec.rest;

import static dev.codeexec.support.Api.run;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs real programs in real containers through the HTTP API. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(dev.codeexec.support.NoLeftoverContainers.class)
class RunExecutionTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "python     | print('Hello, World!')         | python     | \\d+\\.\\d+\\.\\d+",
            "py         | print('Hello, World!')         | python     | \\d+\\.\\d+\\.\\d+",
            "javascript | console.log('Hello, World!')   | javascript | \\d+\\.\\d+\\.\\d+",
            "js         | console.log('Hello, World!')   | javascript | \\d+\\.\\d+\\.\\d+",
            "node       | console.log('Hello, World!')   | javascript | \\d+\\.\\d+\\.\\d+",
            "ruby       | puts 'Hello, World!'           | ruby       | \\d+\\.\\d+\\.\\d+",
            "rb         | puts 'Hello, World!'           | ruby       | \\d+\\.\\d+\\.\\d+"})
    void helloInEveryLanguageAndAlias(String name, String code, String language, String version) {
        run(name, code).then().statusCode(200)
                .body("language", equalTo(language))
                .body("version", matchesPattern(version))
                .body("status", equalTo("OK"))
                .body("exitCode", equalTo(0))
                .body("stdout", equalTo("Hello, World!\n"))
                .body("stderr", equalTo(""))
                .body("message", equalTo("Hello, World!\n"))
                .body("truncated", equalTo(false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "python     | import sys; print(sys.stdin.read().upper(), end='')",
            "javascript | let d=''; process.stdin.on('data', c => d += c).on('end', () => process.stdout.write(d.toUpperCase()))",
            "ruby       | print STDIN.read.upcase"})
    void stdinReachesEveryLanguageAndEnds(String language, String code) {
        run(language, code, "input", "first line\nsecond línea\n").then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("stdout", equalTo("FIRST LINE\nSECOND LÍNEA\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "python     | import sys; print(repr(sys.stdin.read()))                                          | ''",
            "javascript | let d='';process.stdin.on('data',c=>d+=c).on('end',()=>console.log(JSON.stringify(d))) | \"\"",
            "ruby       | p STDIN.read                                                                       | \"\""})
    void withoutInputTheProgramSeesEofAtOnce(String language, String code, String expected) {
        Response r = run(language, code);
        // A reader left waiting would be killed at the time limit (TIMEOUT): OK proves it saw EOF.
        r.then().statusCode(200).body("status", equalTo("OK")).body("stdout", equalTo(expected + "\n"));
    }

    @Test
    void deepRecursionHasStackToRecurseIn() {
        // About 20 MB of stack: more than the usual 8 MiB, less than the 64 MiB a step gets.
        String code = "#include <stdio.h>\nstatic long depth(long n) { volatile char pad[160]; pad[0] = 1; "
                + "if (n == 0) return 0; long r = depth(n - 1); return r + pad[0]; }\nint main(void) { printf(\"%ld\\n\", depth(100000)); }";
        run("c", code).then().statusCode(200).body("status", equalTo("OK")).body("stdout", equalTo("100000\n"));
    }

    @Test
    void theStandardStreamsCanBeReopenedByPath() {
        // Pipes belong to the program's user, so /dev/stdin and /dev/stdout open like files (sqlite's
        // .import /dev/stdin, Fortran's open(file='/dev/stdin'), C's fopen("/dev/stdout")).
        run("python", "print(open('/dev/stdin').read().upper(), end='')\nopen('/dev/stdout', 'w').write('out\\n')\n"
                + "open('/dev/stderr', 'w').write('err\\n')", "input", "via path\n").then().statusCode(200)
                .body("status", equalTo("OK")).body("stdout", equalTo("VIA PATH\nout\n")).body("stderr", equalTo("err\n"));
    }

    @Test
    void inputLinesAreReadOneByOne() {
        run("python", "a = input(); b = input(); print(int(a) + int(b))", "input", "2\n40\n")
                .then().statusCode(200).body("stdout", equalTo("42\n"));
    }

    @Test
    void exitCodeAndStderrStayApartFromStdout() {
        run("python", "import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(3)")
                .then().statusCode(200)
                .body("status", equalTo("RUNTIME_ERROR"))
                .body("exitCode", equalTo(3))
                .body("signal", equalTo(null))
                .body("stdout", equalTo("out\n"))
                .body("stderr", equalTo("err\n"))
                .body("message", containsString("err\n"));
    }

    @Test
    void uncaughtExceptionIsARuntimeErrorWithTheTraceback() {
        run("javascript", "throw new Error('boom')").then().statusCode(200)
                .body("status", equalTo("RUNTIME_ERROR"))
                .body("exitCode", equalTo(1))
                .body("stderr", containsString("Error: boom"));
        run("ruby", "raise 'boom'").then().statusCode(200)
                .body("status", equalTo("RUNTIME_ERROR"))
                .body("stderr", containsString("boom (RuntimeError)"));
    }

    @Test
    void outputInterleavesStreamsInWriteOrder() {
        String code = "import sys, time\nprint('one')\ntime.sleep(0.05)\n"
                + "print('two', file=sys.stderr)\ntime.sleep(0.05)\nprint('three')";
        run("python", code).then().statusCode(200)
                .body("output", equalTo("one\ntwo\nthree\n"))
                .body("stdout", equalTo("one\nthree\n"))
                .body("stderr", equalTo("two\n"));
    }

    @Test
    void newlinesAreNotTurnedIntoCrLf() {
        run("python", "print('a\\nb')").then().statusCode(200).body("stdout", equalTo("a\nb\n"));
    }

    @Test
    void unicodeAndNulBytesSurvive() {
        run("python", "import sys\nsys.stdout.buffer.write('héllo → 世界 🎉\\x00end\\n'.encode())")
                .then().statusCode(200)
                .body("stdout", equalTo("héllo → 世界 🎉\u0000end\n"));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        run("python", "import sys\nsys.stdout.buffer.write(b'ok\\xff\\xfe!')")
                .then().statusCode(200)
                .body("stdout", equalTo("ok\uFFFD\uFFFD!"));
    }

    @Test
    void argsArePassedToTheProgram() {
        run("python", "import sys; print(sys.argv[1:])", "args", List.of("a b", "--x", "ü"))
                .then().statusCode(200).body("stdout", equalTo("['a b', '--x', 'ü']\n"));
        run("javascript", "console.log(JSON.stringify(process.argv.slice(2)))", "args", List.of("1", "2"))
                .then().statusCode(200).body("stdout", equalTo("[\"1\",\"2\"]\n"));
        run("ruby", "p ARGV", "args", List.of("x")).then().statusCode(200).body("stdout", equalTo("[\"x\"]\n"));
    }

    @Test
    void sleeperTimesOutAtItsLimit() {
        long start = System.nanoTime();
        Response r = run("python", "import time\nprint('before', flush=True)\ntime.sleep(60)");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        r.then().statusCode(200)
                .body("status", equalTo("TIMEOUT"))
                .body("message", equalTo("Timeout of 3000 ms exceeded"))
                .body("stdout", equalTo("before\n"))
                .body("wallTimeMs", greaterThanOrEqualTo(3000));
        // A hang guard only (3x the slowest answer seen on a loaded machine): how fast is the benchmark's.
        assertTrue(elapsedMs < 15_000, "no answer within the hang guard: " + elapsedMs + " ms");
    }

    @Test
    void requestMayLowerTheTimeout() {
        run("javascript", "setTimeout(() => {}, 60000)", "timeoutMs", 500).then().statusCode(200)
                .body("status", equalTo("TIMEOUT"))
                .body("message", equalTo("Timeout of 500 ms exceeded"))
                // ended by the request's limit, not the default's (3 s)
                .body("wallTimeMs", greaterThanOrEqualTo(500)).body("wallTimeMs", lessThan(3000));
    }

    @Test
    void programIgnoringSigtermStillDies() {
        run("python", "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True: time.sleep(1)",
                "timeoutMs", 1000).then().statusCode(200).body("status", equalTo("TIMEOUT"));
    }

    static Stream<Arguments> memoryHogs() {
        return Stream.of(
                Arguments.of("python", "a = []\nwhile True: a.append('x' * 10**6 + str(len(a)))"),
                Arguments.of("javascript", "const a = []; while (true) a.push(Buffer.alloc(1e6, 1))"),
                Arguments.of("ruby", "a = []; loop { a << 'x' * 1_000_000 + a.size.to_s }"));
    }

    @ParameterizedTest
    @MethodSource("memoryHogs")
    void memoryHogIsMemoryLimit(String language, String code) {
        // 10 s: only the memory limit may trip (node alone took over 3 s to start on a loaded machine)
        run(language, code, "timeoutMs", 10000).then().statusCode(200)
                .body("status", equalTo("MEMORY_LIMIT"))
                .body("message", equalTo("Memory limit of 128 MiB exceeded"));
    }

    @Test
    void requestMayLowerTheMemoryLimit() {
        String code = "a = bytearray(80 * 1024 * 1024)\nprint('allocated')";
        run("python", code).then().statusCode(200).body("status", equalTo("OK"));
        run("python", code, "memoryMb", 48).then().statusCode(200)
                .body("status", equalTo("MEMORY_LIMIT"))
                .body("message", equalTo("Memory limit of 48 MiB exceeded"));
    }

    @Test
    void selfKillIsNotMistakenForOom() {
        run("python", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)").then().statusCode(200)
                .body("status", equalTo("RUNTIME_ERROR"))
                .body("exitCode", equalTo(137))
                .body("signal", equalTo("SIGKILL"));
    }

    @Test
    void outputFloodIsOutputLimit() {
        long start = System.nanoTime();
        Response r = run("python", "while True: print('x' * 1000)");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        r.then().statusCode(200)
                .body("status", equalTo("OUTPUT_LIMIT"))
                .body("truncated", equalTo(true))
                .body("message", equalTo("Output limit of 1 MiB exceeded"));
        assertEquals(1024 * 1024, r.jsonPath().getString("output").length());
        assertTrue(elapsedMs < 15_000, "no answer within the hang guard: " + elapsedMs + " ms");
    }

    @Test
    void outputCapCountsBothStreams() {
        String code = "import sys\nfor i in range(2000):\n    sys.stdout.write('o' * 400 + '\\n')\n"
                + "    sys.stderr.write('e' * 400 + '\\n')";
        Response r = run("python", code);
        r.then().statusCode(200).body("status", equalTo("OUTPUT_LIMIT"));
        int out = r.jsonPath().getString("stdout").length();
        int err = r.jsonPath().getString("stderr").length();
        assertEquals(1024 * 1024, out + err);
        assertTrue(out > 0 && err > 0);
    }

    @Test
    void forkBombStaysContained() {
        run("python", "import os\nwhile True:\n    try: os.fork()\n    except OSError: pass", "timeoutMs", 2000)
                .then().statusCode(200).body("status", not(equalTo("OK")));
        run("python", "print('still fine')").then().statusCode(200).body("stdout", equalTo("still fine\n"));
    }

    @Test
    void processCountIsLimited() {
        String code = "import os, time\nn = 0\ntry:\n    while True:\n        if os.fork() == 0:\n"
                + "            time.sleep(30)\n        n += 1\nexcept OSError:\n    print(n)";
        Response r = run("python", code, "timeoutMs", 10000);
        r.then().statusCode(200).body("status", equalTo("OK"));
        int forked = Integer.parseInt(r.jsonPath().getString("stdout").trim());
        assertTrue(forked < 64, "forked " + forked + " processes");
    }

    @Test
    void noNetwork() {
        String code = "import socket\ntry:\n    socket.create_connection(('1.1.1.1', 80), timeout=1)\n    print('connected')\n"
                + "except OSError as e:\n    print('blocked')\nprint([i[1] for i in socket.if_nameindex()])";
        run("python", code).then().statusCode(200).body("stdout", equalTo("blocked\n['lo']\n"));
    }

    @Test
    void rootFilesystemIsReadOnlyAndScratchIsWritable() {
        String code = "import os\nfor p in ['/etc/x', '/usr/x', '/x']:\n    try:\n        open(p, 'w'); print('wrote', p)\n"
                + "    except OSError as e:\n        print(e.errno)\n"
                + "open('/sandbox/f', 'w').write('s'); open('/tmp/f', 'w').write('t')\n"
                + "print(open('/sandbox/f').read() + open('/tmp/f').read())";
        run("python", code).then().statusCode(200).body("stdout", equalTo("30\n30\n30\nst\n"));
    }

    @Test
    void runsAsNonRootWithoutCapabilitiesUnderANeutralHostname() {
        String code = "import os, socket\nprint(os.getuid(), os.getgid(), socket.gethostname())\n"
                + "print([l for l in open('/proc/self/status') if l.startswith(('CapEff', 'NoNewPrivs'))])";
        run("python", code).then().statusCode(200)
                .body("stdout", equalTo("10000 10000 sandbox\n['CapEff:\\t0000000000000000\\n', 'NoNewPrivs:\\t1\\n']\n"));
    }

    @Test
    void serviceEnvironmentDoesNotLeakIn() {
        // Only what the launcher sets, plus the language descriptor's own (Python: no .pyc files,
        // matplotlib without a display and with its cache in the step's /tmp).
        run("python", "import os; print(sorted(os.environ.items()))").then().statusCode(200)
                .body("stdout", equalTo("[('HOME', '/sandbox'), ('HOSTNAME', 'sandbox'), ('LANG', 'C.UTF-8'), "
                        + "('MPLBACKEND', 'Agg'), ('MPLCONFIGDIR', '/tmp/matplotlib'), "
                        + "('PATH', '/usr/local/bin:/usr/bin:/bin'), ('PYTHONDONTWRITEBYTECODE', '1'), ('TMPDIR', '/tmp')]\n"));
    }

    @Test
    void filesOfOneRunAreGoneInTheNext() {
        run("python", "open('/sandbox/secret', 'w').write('x'); open('/tmp/secret', 'w').write('x')")
                .then().statusCode(200).body("status", equalTo("OK"));
        run("python", "import os; print(os.listdir('/sandbox'), os.listdir('/tmp'))")
                .then().statusCode(200).body("stdout", equalTo("['main.py'] []\n"));
    }

    @Test
    void programExactlyAtTheCodeCapRuns() {
        String tail = "\nprint('at the cap')\n";
        String code = "#" + "x".repeat(64 * 1024 - 1 - tail.length()) + tail;
        assertEquals(64 * 1024, code.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        run("python", code).then().statusCode(200).body("stdout", equalTo("at the cap\n"));
    }

    @Test
    void wallTimeIsReported() {
        run("python", "import time; time.sleep(0.3)").then().statusCode(200)
                .body("wallTimeMs", greaterThanOrEqualTo(300));
    }
}
