package dev.codeexec.sandbox.docker;

import static dev.codeexec.sandbox.docker.LauncherHarness.file;
import static dev.codeexec.sandbox.docker.LauncherHarness.step;
import static dev.codeexec.sandbox.docker.LauncherHarness.stdout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher without Docker (see LauncherHarness): what request data can and cannot do to it. */
class LauncherHarnessTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final String DEEP = String.join("/", List.of("a", "b", "c", "d", "e").stream()
            .map(c -> c.repeat(230)).toList()) + "/Main.class";
    private static final List<String> ODD = List.of("   ", " ..", ".. ", "-rf", "$(touch x)", "😀", "\u200fabc\u200e",
            " lead", "trail ", "a b", "x".repeat(255), "d/".repeat(63) + "leaf", DEEP);
    private static final List<String> REFUSED = List.of("", "..", ".", "../x", "a/../b", "/etc/passwd", "a//b", "a/",
            "./a", "nul\0x", "tab\tx", "x".repeat(256), "d/".repeat(64) + "leaf", "y/".repeat(2048) + "z");

    @TempDir
    Path tmp;

    @Test
    void deepAndOddNamesRoundTripThroughFilesAndPack() throws Exception {
        try (LauncherHarness l = LauncherHarness.start(tmp)) {
            Map<String, String> sent = new LinkedHashMap<>();
            for (int i = 0; i < ODD.size(); i++) {
                sent.put(ODD.get(i), "content " + i);
                l.send(file(ODD.get(i), "content " + i));
                LauncherHarness.Frame answer = l.next();
                assertEquals('A', answer.type(), ODD.get(i) + ": " + answer.text());
            }
            // What LauncherProtocol sends is what the launcher takes.
            l.send(LauncherProtocol.file(new SandboxFile("via protocol", "p".getBytes(), true)));
            assertEquals('A', l.next().type());
            sent.put("via protocol", "p");
            l.send(LauncherProtocol.pack());
            List<LauncherHarness.Frame> frames = l.until("D");
            PackCollector pack = new PackCollector();
            frames.forEach(f -> pack.frame(f.type(), f.payload()));
            Map<String, String> back = pack.files().get().files().stream().collect(Collectors.toMap(SandboxFile::path,
                    f -> new String(f.content(), StandardCharsets.UTF_8)));
            assertEquals(sent, back, "every file came back under its own name");
            assertEquals("files=" + sent.size() + " skipped=0 too_large=0 unreadable=0", frames.get(frames.size() - 1).text());
            l.endInput();
            assertEquals(0, l.exit(GUARD));
        }
    }

    @Test
    void namesOutsideTheRuleAreRefusedAndTheLauncherGoesOnServing() throws Exception {
        try (LauncherHarness l = LauncherHarness.start(tmp)) {
            for (String name : REFUSED) {
                assertTrue(SandboxPaths.problem(name) != null, "the service refuses '" + name + "' too");
                l.send(file(name, "x"));
                LauncherHarness.Frame answer = l.next();
                assertEquals('X', answer.type(), "'" + name + "' was taken");
            }
            l.send(file("ok", "fine"), step(1, 10_000, List.of("cat", "ok"), ""));
            assertEquals('A', l.next().type());
            List<LauncherHarness.Frame> run = l.until("R");
            assertEquals("fine", stdout(run));
            assertTrue(run.get(run.size() - 1).text().startsWith("exit=0 signal=0 reason=exited"), run.get(run.size() - 1).text());
            // A file too large is read past, refused, and the stream stays in step.
            l.send(LauncherHarness.file("big".getBytes(), new byte[(64 << 20) + 1], 0644), file("after", "y"));
            assertEquals("file larger than 64 MiB", l.next().text());
            assertEquals('A', l.next().type());
            l.endInput();
            assertEquals(0, l.exit(GUARD));
            assertTrue(Files.notExists(l.dir().resolve("big")));
            assertTrue(Files.notExists(tmp.resolve("etc")));
        }
    }

    @Test
    void anExit139IsNoSignalAndASegfaultIsOne() throws Exception {
        try (LauncherHarness l = LauncherHarness.start(tmp)) {
            l.send(step(1, 10_000, List.of("sh", "-c", "exit 139"), ""));
            String exited = last(l.until("R"));
            assertTrue(exited.startsWith("exit=139 signal=0 "), exited);
            l.send(step(1, 10_000, List.of("sh", "-c", "kill -SEGV $$"), ""));
            String killed = last(l.until("R"));
            assertTrue(killed.startsWith("exit=139 signal=11 "), killed);
            l.endInput();
            assertEquals(0, l.exit(GUARD));
        }
    }

    /** As root (CI), the harness empties the bounding set like the container's launcher, for both kinds of step. */
    @Test
    void compileAndRunStepsHoldNoCapabilityAtAll() throws Exception {
        boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
        org.junit.jupiter.api.Assumptions.assumeTrue(root || System.getenv("CODE_EXEC_CI") != null,
                "only root has a bounding set to drop");
        try (LauncherHarness l = LauncherHarness.start(tmp)) {
            for (int kind = 0; kind <= 1; kind++) {
                l.send(step(kind, 10_000, List.of("grep", "^Cap", "/proc/self/status"), ""));
                String caps = stdout(l.until("R"));
                assertEquals(5, caps.lines().count(), caps);
                caps.lines().forEach(line -> assertTrue(line.endsWith("0000000000000000"), line));
            }
            l.endInput();
            assertEquals(0, l.exit(GUARD));
        }
    }

    /**
     * Random commands, names, lengths, truncations and garbage: the launcher answers whole frames
     * (one 'A' or 'X' per file, as the service's own rule predicts) and exits 0 or 125, never by a
     * signal, never hanging.
     */
    /** A live step (kind bit 1) takes more stdin, its end and signals while it runs; afterwards they are dropped. */
    @Test
    void aLiveStepTakesInputAndSignalsWhileItRuns() throws Exception {
        try (LauncherHarness l = LauncherHarness.start(tmp)) {
            l.send(step(3, 30_000, List.of("cat"), "first "));
            l.send(LauncherProtocol.stdin("second".getBytes(StandardCharsets.UTF_8)), LauncherProtocol.endOfInput());
            List<LauncherHarness.Frame> run = l.until("R");
            assertEquals("first second", stdout(run));
            assertTrue(last(run).startsWith("exit=0 signal=0 reason=exited"), last(run));

            l.send(step(3, 30_000, List.of("sh", "-c", "echo up; exec sleep 30"), ""));
            assertEquals("up\n", stdout(l.until("O")));
            l.send(LauncherProtocol.signal(15));
            assertTrue(last(l.until("R")).startsWith("exit=143 signal=15 reason=exited"));

            // Late live commands and a non-live command mid-step: the stream stays in step.
            l.send(LauncherProtocol.stdin("late".getBytes(StandardCharsets.UTF_8)), LauncherProtocol.signal(9),
                    LauncherProtocol.endOfInput());
            l.send(step(3, 2_000, List.of("sh", "-c", "sleep 0.2; cat"), ""), file("mid", "step"));
            l.send(LauncherProtocol.stdin("live".getBytes(StandardCharsets.UTF_8)), LauncherProtocol.endOfInput());
            List<LauncherHarness.Frame> frames = l.until("A");
            assertEquals('R', frames.get(frames.size() - 2).type(), "the file waited for the step's report: " + frames);
            l.send(step(1, 30_000, List.of("cat", "mid"), ""));
            assertEquals("step", stdout(l.until("R")));
            l.endInput();
            assertEquals(0, l.exit(GUARD));
        }
    }

    /** A session's step (kind bit 2, in place) takes live stdin too; bit 2 with a run's bit is refused. */
    @Test
    void anInPlaceStepTakesLiveInput() throws Exception {
        try (LauncherHarness l = LauncherHarness.start(tmp)) {
            l.send(step(6, 30_000, List.of("sh", "-c", "cat > kept.txt; cat kept.txt"), "one "));
            l.send(LauncherProtocol.stdin("two".getBytes(StandardCharsets.UTF_8)), LauncherProtocol.endOfInput());
            List<LauncherHarness.Frame> run = l.until("R");
            assertEquals("one two", stdout(run));
            l.send(step(5, 30_000, List.of("true"), ""));
            assertEquals('X', l.next().type(), "in place and a run at once");
            l.send(step(4, 30_000, List.of("cat", "kept.txt"), ""));
            assertEquals("one two", stdout(l.until("R")), "what a step in place wrote stays");
            l.endInput();
            assertEquals(0, l.exit(GUARD));
        }
    }

    /** 'o': the files that match a pattern ('*' stops at '/'), within the caps; the rest counted. */
    @Test
    void outputsAreTheMatchingFilesWithinTheCaps() throws Exception {
        try (LauncherHarness l = LauncherHarness.start(tmp)) {
            l.send(step(9, 30_000, List.of("sh", "-c", "printf png > a.png; printf txt > b.txt; mkdir sub; "
                    + "printf deep > sub/c.png; printf big > d.png"), ""));
            assertTrue(last(l.until("R")).startsWith("exit=0"));
            l.send(LauncherProtocol.outputs(List.of("*.png", "sub/*.png"), 16, 1 << 20));
            List<LauncherHarness.Frame> frames = l.until("D");
            PackCollector all = new PackCollector();
            frames.forEach(f -> all.frame(f.type(), f.payload()));
            assertEquals(java.util.Set.of("a.png", "d.png", "sub/c.png"), all.files().get().files().stream()
                    .map(SandboxFile::path).collect(Collectors.toSet()));
            assertTrue(!all.files().get().cut(), last(frames));

            l.send(LauncherProtocol.outputs(List.of("*.png"), 1, 1 << 20));
            frames = l.until("D");
            PackCollector one = new PackCollector();
            frames.forEach(f -> one.frame(f.type(), f.payload()));
            assertEquals(1, one.files().get().files().size());
            assertTrue(one.files().get().cut(), "the second file was left out: " + last(frames));
            assertEquals("files=1 skipped=1 too_large=0 unreadable=0", last(frames));

            l.send(LauncherProtocol.outputs(List.of("b.txt"), 16, 2));
            frames = l.until("D");
            assertEquals("files=0 skipped=0 too_large=1 unreadable=0", last(frames), "3 bytes past a cap of 2");
            l.endInput();
            assertEquals(0, l.exit(GUARD));
        }
    }

    @Test
    void randomCommandsNeverCrashOrHangTheLauncher() throws Exception {
        long seed = Long.getLong("launcher.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int session = 0; session < 150; session++) {
            try (LauncherHarness l = LauncherHarness.start(tmp)) {
                List<Character> expected = new ArrayList<>();
                java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
                int commands = random.nextInt(8);
                for (int c = 0; c < commands; c++) {
                    switch (random.nextInt(4)) {
                        case 0, 1 -> {
                            String name = "s" + session + "c" + c + randomName(random);
                            stream.writeBytes(file(name, "z".repeat(random.nextInt(100))));
                            expected.add(SandboxPaths.problem(name) == null ? 'A' : 'X');
                        }
                        case 2 -> {
                            stream.writeBytes(step(random.nextInt(3), 1 + random.nextInt(5000),
                                    List.of("sh", "-c", "echo $0", randomName(random)), randomName(random)));
                            expected.add('S');
                        }
                        default -> {
                            stream.writeBytes(new byte[] {'p'});
                            expected.add('P');
                        }
                    }
                }
                byte[] good = stream.toByteArray();
                byte[] tail = garbage(random);
                String context = "seed " + seed + ", session " + session;
                l.send(good, tail);
                l.endInput();
                List<LauncherHarness.Frame> frames = new ArrayList<>();
                for (LauncherHarness.Frame f = l.next(); f != null; f = l.next()) {
                    frames.add(f);
                }
                int exit = l.exit(GUARD);
                assertTrue(exit == 0 || exit == 125, context + ": the launcher exited with " + exit);
                List<Character> answers = new ArrayList<>();
                for (LauncherHarness.Frame f : frames) {
                    switch (f.type()) {
                        case 'A', 'X', '!' -> answers.add(f.type());
                        case 'R' -> answers.add('S');
                        case 'D' -> answers.add('P');
                        default -> { }
                    }
                }
                // The well-formed commands came first: their answers, in order, whatever the tail did.
                for (int i = 0; i < expected.size(); i++) {
                    char want = expected.get(i);
                    char got = answers.get(i);
                    assertTrue(got == want || (want == 'S' && got == 'X'), context + ": command " + i + " wanted "
                            + want + " got " + got + " in " + answers);
                }
            }
        }
    }

    private static String last(List<LauncherHarness.Frame> frames) {
        return frames.get(frames.size() - 1).text();
    }

    private static final String[] PIECES = {"/", ".", "..", " ", "a", "é", "😀", "\u200f", "-", "$(x)", "\0", "\n", "\t",
        "x".repeat(120), "/"};

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            name.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return name.toString();
    }

    /** Nothing, random bytes, a command cut off, or a command with wild lengths. */
    private static byte[] garbage(Random random) {
        byte[] junk = new byte[random.nextInt(64)];
        random.nextBytes(junk);
        byte[] cmd = switch (random.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> junk;
            case 2 -> file("cut", "content that goes on");
            case 3 -> step(1, 1000, List.of("true"), "input");
            default -> java.nio.ByteBuffer.allocate(13).put((byte) (random.nextBoolean() ? 'f' : 's'))
                    .putInt(random.nextInt()).putInt(random.nextInt()).putInt(random.nextInt()).array();
        };
        int keep = cmd.length == 0 ? 0 : random.nextInt(cmd.length + 1);
        byte[] out = java.util.Arrays.copyOf(cmd, keep);
        if (random.nextBoolean() && keep > 0) {
            out = java.util.Arrays.copyOf(out, keep + junk.length);
            System.arraycopy(junk, 0, out, keep, junk.length);
        }
        return out;
    }
}
