package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The launcher built on this host with the image's compiler flags and run as a child process over
 * pipes, without Docker: "launcher --dir DIR" (refused when it is PID 1, as in every container), so
 * DIR stands for /sandbox and its steps run as nobody (or the calling user when it is not root).
 */
final class LauncherHarness implements AutoCloseable {

    /** The launcher's sources (-Dlauncher.sources=DIR tries a changed copy, e.g. to watch a test go red). */
    static final Path SOURCES = Path.of(System.getProperty("launcher.sources", "src/main/runtimes/base/launcher"));
    private static final String TYPES = "OERFDAXK!";
    private static Path binary;

    /** A frame as the launcher sent it. */
    record Frame(char type, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Process process;
    private final Path dir;
    private final InputStream out;

    private LauncherHarness(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        this.out = process.getInputStream();
    }

    /** Builds the launcher once (gcc -O2 -static -Wall); skips without gcc unless CODE_EXEC_CI is set. */
    static synchronized Path binary() throws Exception {
        if (binary != null) {
            return binary;
        }
        boolean gcc = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "gcc")));
        if (!gcc) {
            if (System.getenv("CODE_EXEC_CI") != null) {
                fail("gcc is missing: the launcher harness must run on CI");
            }
            Assumptions.abort("gcc is missing: the launcher harness is skipped");
        }
        Path out = Path.of("target", "launcher-harness", "launcher-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(out.getParent());
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O2", "-static", "-Wall", "-Werror", "-o", out.toString()));
        try (Stream<Path> files = Files.list(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".c")).sorted().forEach(p -> cmd.add(p.toString()));
        }
        Process gccRun = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(gccRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gccRun.waitFor(120, TimeUnit.SECONDS) && gccRun.exitValue() == 0, "gcc failed: " + said);
        binary = out;
        return out;
    }

    /** A fresh launcher on a fresh directory (world-writable, as /sandbox is). */
    static LauncherHarness start(Path tmp, String... extra) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "sandbox");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--dir", dir.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new LauncherHarness(p, dir);
    }

    Path dir() {
        return dir;
    }

    void send(byte[]... commands) throws IOException {
        OutputStream in = process.getOutputStream();
        for (byte[] c : commands) {
            in.write(c);
        }
        in.flush();
    }

    /** Closes the launcher's stdin (EOF: it kills everything and exits). */
    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** The next frame; null at a clean end of the stream. A frame cut off or of an unknown type fails. */
    Frame next() throws IOException {
        int type = out.read();
        if (type < 0) {
            return null;
        }
        byte[] len = out.readNBytes(4);
        assertTrue(len.length == 4, "a frame header cut off");
        int length = ByteBuffer.wrap(len).getInt();
        assertTrue(TYPES.indexOf(type) >= 0, "unknown frame type " + type);
        assertTrue(length >= 0 && length <= (128 << 20), "frame of " + length + " bytes");
        byte[] payload = out.readNBytes(length);
        assertTrue(payload.length == length, "a frame cut off: " + payload.length + " of " + length);
        return new Frame((char) type, payload);
    }

    /** Frames up to and including the first of one of the given types. */
    List<Frame> until(String types) throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (Frame f = next(); f != null; f = next()) {
            frames.add(f);
            if (types.indexOf(f.type()) >= 0) {
                return frames;
            }
        }
        fail("the launcher ended before a frame of " + types + ": " + frames);
        return frames;
    }

    /** Waits for the launcher to exit (hang guard), and returns its exit value (128 + n: killed by signal n). */
    int exit(Duration guard) throws InterruptedException {
        if (!process.waitFor(guard.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("the launcher hung for " + guard);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    // ---- commands, built by hand (LauncherProtocol builds the same from records) ----

    static byte[] file(byte[] path, byte[] content, int mode) {
        return ByteBuffer.allocate(13 + path.length + content.length).put((byte) 'f').putInt(mode).putInt(path.length)
                .putInt(content.length).put(path).put(content).array();
    }

    static byte[] file(String path, String content) {
        return file(path.getBytes(StandardCharsets.UTF_8), content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    static byte[] step(int kind, int timeoutMs, List<String> argv, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(26).put((byte) 's').put((byte) kind).putInt(timeoutMs).putInt(0)
                .putInt(1 << 20).putInt(argv.size()).putInt(0).putInt(in.length).array());
        for (String a : argv) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        out.writeBytes(in);
        return out.toByteArray();
    }

    static String stdout(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.stream().filter(f -> f.type() == 'O').forEach(f -> out.writeBytes(f.payload()));
        return out.toString(StandardCharsets.UTF_8);
    }
}
