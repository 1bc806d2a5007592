package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.Step;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherProtocolTest {

    @Test
    void aFileIsAHeaderLineThenItsBytes() {
        byte[] cmd = LauncherProtocol.file(new SandboxFile("main.py", "print(1)".getBytes(), false));
        assertEquals("file 644 8 main.py\nprint(1)", new String(cmd, StandardCharsets.UTF_8));
        byte[] exe = LauncherProtocol.file(new SandboxFile("run", new byte[] {1, 0}, true));
        assertArrayEquals("file 755 2 run\n\u0001\u0000".getBytes(StandardCharsets.UTF_8), exe);
    }

    @Test
    void aStepIsAHeaderLineThenArgvEnvAndInput() {
        byte[] cmd = LauncherProtocol.step(new Step(Step.Kind.RUN, List.of("python3", "main.py", "é"),
                Map.of("A", "b"), "in".getBytes(), Duration.ofMillis(3000), null, 1024));
        assertEquals("step run 3000 0 1024 19 4 2\npython3\0main.py\0é\0A=b\0in",
                new String(cmd, StandardCharsets.UTF_8));
        byte[] compile = LauncherProtocol.step(new Step(Step.Kind.COMPILE, List.of("cc"), Map.of(), new byte[0],
                Duration.ofSeconds(10), Duration.ofMillis(1500), 5));
        assertEquals("step compile 10000 1500 5 3 0 0\ncc\0", new String(compile, StandardCharsets.UTF_8));
    }

    @Test
    void reportsAreParsedAndGarbageIsRefused() {
        LauncherProtocol.Report r = LauncherProtocol.Report.parse(
                "exit=137 reason=timeout oom=0 wall_us=500123 cpu_us=499000 maxrss_kb=8000");
        assertEquals(new LauncherProtocol.Report(137, "timeout", 0, 500123, 499000, 8000), r);
        assertThrows(IllegalStateException.class, () -> LauncherProtocol.Report.parse("exit=x"));
    }

    @Test
    void framesAreReassembledAcrossEngineChunks() {
        List<String> seen = new ArrayList<>();
        LauncherFrames frames = new LauncherFrames();
        frames.receiver(new LauncherFrames.Receiver() {
            @Override
            public void frame(char type, byte[] payload) {
                seen.add(type + ":" + new String(payload, StandardCharsets.UTF_8));
            }

            @Override
            public void ended(String why) {
                seen.add("ended");
            }
        });
        byte[] stream = concat(frame('O', "hello"), frame('E', ""), frame('R', "exit=0"));
        for (int i = 0; i < stream.length; i += 3) {
            byte[] chunk = java.util.Arrays.copyOfRange(stream, i, Math.min(stream.length, i + 3));
            frames.onNext(new com.github.dockerjava.api.model.Frame(com.github.dockerjava.api.model.StreamType.STDOUT, chunk));
        }
        frames.onNext(new com.github.dockerjava.api.model.Frame(com.github.dockerjava.api.model.StreamType.STDERR,
                "launcher: complaint".getBytes()));
        frames.onComplete();
        assertEquals(List.of("O:hello", "E:", "R:exit=0", "ended"), seen);
        assertEquals("launcher: complaint", frames.complaints());
    }

    private static byte[] frame(char type, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[5 + p.length];
        f[0] = (byte) type;
        f[4] = (byte) p.length;
        System.arraycopy(p, 0, f, 5, p.length);
        return f;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
