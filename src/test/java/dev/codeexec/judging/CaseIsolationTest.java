package dev.codeexec.judging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each test case starts from the compiled program and the request's files, and nothing else: every
 * step gets its own /tmp, /dev/shm, IPC namespace and copy of /sandbox (the launcher's places and
 * bubblewrap). Each request here has three cases whose programs look for what the case before
 * them left and then leave it themselves; every case must find nothing.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class CaseIsolationTest {

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    /** Three cases, each expecting exactly the given output. */
    private static JsonPath threeCases(String language, String code, String expected, Object... extra) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(Map.of("name", "case " + (i + 1), "expectedOutput", expected));
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "tests", cases, "timeoutMs", 10000));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        Response r = given().contentType(ContentType.JSON).body(body).post("/run/" + language);
        assertEquals(200, r.statusCode(), r.asString());
        JsonPath json = r.jsonPath();
        for (int i = 0; i < 3; i++) {
            assertEquals(expected, json.getString("tests[" + i + "].stdout"), "case " + (i + 1) + ": " + r.asString());
            assertEquals("ACCEPTED", json.getString("tests[" + i + "].verdict"), "case " + (i + 1) + ": " + r.asString());
        }
        return json;
    }

    @Test
    void deepPathsInTmpAndTheWorkingDirectoryAreGoneForTheNextCase() {
        // 20 directories of 250-character names: the path (over 5 000 bytes) passes PATH_MAX
        String code = """
                import os
                def deep(root):
                    os.chdir(root)
                    for i in range(20):
                        d = 'd%02d' % i + 'x' * 247
                        os.makedirs(d, exist_ok=True)
                        os.chdir(d)
                    found = os.path.exists('leftover')
                    open('leftover', 'w').write('x')
                    return found
                seen = [root for root in ['/tmp', '/dev/shm', '/sandbox'] if deep(root)]
                print('seen ' + ' '.join(seen) if seen else 'fresh')
                """;
        threeCases("python", code, "fresh\n");
    }

    @Test
    void systemVAndPosixIpcOfOneCaseIsNotSeenByTheNext() {
        String code = """
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                KEY, CREATE = 0x5eed, 0o1000 | 0o666
                seen = [name for name, found in [
                    ('shm', libc.shmget(KEY, 4096, 0) >= 0),
                    ('msg', libc.msgget(KEY, 0) >= 0),
                    ('sem', libc.semget(KEY, 1, 0) >= 0),
                    ('mq', libc.mq_open(b'/code-exec-case', os.O_RDWR) >= 0)] if found]
                made = (libc.shmget(KEY, 4096, CREATE) >= 0 and libc.msgget(KEY, CREATE) >= 0
                        and libc.semget(KEY, 1, CREATE) >= 0
                        and libc.mq_open(b'/code-exec-case', os.O_RDWR | os.O_CREAT, 0o666, None) >= 0)
                print('seen ' + ' '.join(seen) if seen else 'fresh', 'made' if made else 'not made')
                """;
        threeCases("python", code, "fresh made\n");
    }

    /**
     * Compile-time code (Template Haskell, run by the compiler as the builder) makes a directory
     * any user may write into (mode 733) and leaves files in /tmp, /dev/shm and the working
     * directory; each case drops a file into that directory and looks for the earlier case's, and
     * for the compile's scratch files (which only the compile could see).
     */
    @Test
    void whatCompileTimeCodeMadeIsTheSameForEveryCase() {
        String code = """
                {-# LANGUAGE TemplateHaskell #-}
                import Language.Haskell.TH
                import System.Directory
                import System.Posix.Files (setFileMode)

                $(runIO (do
                    createDirectoryIfMissing True "drop"
                    setFileMode "drop" 0o733
                    writeFile "/tmp/compile-scratch" "x"
                    writeFile "/dev/shm/compile-scratch" "x"
                    writeFile "from-compile" "kept") >> return [])

                main :: IO ()
                main = do
                  dropped <- doesFileExist "drop/x"
                  scratch <- mapM doesFileExist ["/tmp/compile-scratch", "/dev/shm/compile-scratch"]
                  kept <- readFile "from-compile"
                  writeFile "drop/x" "x"
                  putStrLn (if dropped || or scratch then "seen" else "fresh " ++ kept)
                """;
        threeCases("haskell", code, "fresh kept\n", "compileTimeoutMs", 30000);
    }

    /**
     * Compile-time code fills /tmp, /dev/shm and the working directory with 7 MiB each, and the
     * run asks for 16 MiB: an answer with the run's honest status, never a 5xx.
     */
    @Test
    void compileLeftoversAndALowRunMemoryLimitGetAnHonestAnswer() {
        JsonPath json = fillAtCompileTime(List.of("/tmp/fill", "/dev/shm/fill", "fill"), 7);
        for (int i = 0; i < 2; i++) {
            assertTrue(Set.of("OK", "MEMORY_LIMIT").contains(json.getString("tests[" + i + "].status")), json.prettify());
        }
    }

    /** The working directory alone holds 15 MiB after the compile: no run fits in 16 MiB. */
    @Test
    void compileOutputLargerThanTheRunsMemoryIsMemoryLimit() {
        JsonPath json = fillAtCompileTime(List.of("fill"), 15);
        for (int i = 0; i < 2; i++) {
            assertEquals("MEMORY_LIMIT", json.getString("tests[" + i + "].status"), json.prettify());
        }
    }

    private static JsonPath fillAtCompileTime(List<String> paths, int mib) {
        String list = paths.stream().map(p -> "\"" + p + "\"").collect(java.util.stream.Collectors.joining(", "));
        String code = """
                {-# LANGUAGE TemplateHaskell #-}
                import Language.Haskell.TH

                $(runIO (mapM_ (\\p -> writeFile p (replicate (MIB * 1024 * 1024) 'x')) [PATHS]) >> return [])

                main :: IO ()
                main = putStrLn "ran"
                """.replace("MIB", String.valueOf(mib)).replace("PATHS", list);
        List<Map<String, Object>> cases = List.of(Map.of("expectedOutput", "ran\n"), Map.of("expectedOutput", "ran\n"));
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "tests", cases, "memoryMb", 16, "timeoutMs", 10000, "compileTimeoutMs", 30000))
                .post("/run/haskell");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("OK", r.jsonPath().getString("compile.status"), r.asString());
        return r.jsonPath();
    }
}
