package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.Step;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherProtocolTest {

    @Test
    void aFileIsItsLengthsThenItsNameAndBytes() {
        byte[] cmd = LauncherProtocol.file(new SandboxFile(" .. é", "print(1)".getBytes(), false));
        ByteBuffer in = ByteBuffer.wrap(cmd);
        assertEquals('f', in.get());
        assertEquals(0644, in.getInt());
        assertEquals(6, in.getInt(), "the name's length in UTF-8 bytes, leading spaces included");
        assertEquals(8, in.getInt());
        assertEquals(" .. é", string(in, 6));
        assertEquals("print(1)", string(in, 8));
        assertFalse(in.hasRemaining());
        byte[] exe = LauncherProtocol.file(new SandboxFile("run", new byte[] {1, 0}, true));
        assertEquals(0755, ByteBuffer.wrap(exe, 1, 4).getInt());
    }

    @Test
    void aStepIsFixedFieldsThenLengthPrefixedStringsAndInput() {
        byte[] cmd = LauncherProtocol.step(new Step(Step.Kind.RUN, List.of("python3", "main.py", "é"),
                Map.of("A", "b"), "in".getBytes(), Duration.ofMillis(3000), null, 1024), false);
        ByteBuffer in = ByteBuffer.wrap(cmd);
        assertEquals('s', in.get());
        assertEquals(1, in.get(), "run");
        assertEquals(3000, in.getInt());
        assertEquals(0, in.getInt(), "no CPU limit");
        assertEquals(1024, in.getInt());
        assertEquals(3, in.getInt());
        assertEquals(1, in.getInt());
        assertEquals(2, in.getInt());
        for (String expected : List.of("python3", "main.py", "é", "A=b")) {
            assertEquals(expected, string(in, in.getInt()));
        }
        assertEquals("in", string(in, 2));
        assertFalse(in.hasRemaining());
        byte[] compile = LauncherProtocol.step(new Step(Step.Kind.COMPILE, List.of("cc"), Map.of(), new byte[0],
                Duration.ofSeconds(10), Duration.ofMillis(1500), 5L << 32), false);
        ByteBuffer c = ByteBuffer.wrap(compile);
        assertEquals(0, c.get(1), "compile");
        assertEquals(1500, c.getInt(6));
        assertEquals(-1, c.getInt(10), "a cap beyond the u32 field is capped, not wrapped");
    }

    @Test
    void reportsAreParsedAndGarbageIsRefused() {
        LauncherProtocol.ReportFrame r = LauncherProtocol.ReportFrame.parse(
                "exit=139 signal=0 reason=exited oom=0 wall_us=500123 cpu_us=499000 maxrss_kb=8000");
        assertEquals(new LauncherProtocol.ReportFrame(139, 0, "exited", 0, 500123, 499000, 8000), r);
        assertThrows(IllegalStateException.class, () -> LauncherProtocol.ReportFrame.parse("exit=x"));
    }

    private static String string(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
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
