package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherProtocolTest {

    @Test
    void stdinIsHeaderProgramArgsThenInput() {
        byte[] stdin = LauncherProtocol.stdin("print".getBytes(), List.of("a", "é"), "in".getBytes(), "n0");
        assertEquals("5 n0 5\nprinta\0é\0in", new String(stdin, StandardCharsets.UTF_8));
    }

    @Test
    void commandStartsWithTheLauncher() {
        assertEquals(List.of("/opt/code-exec/launcher", "/sandbox/main.py", "python3", "/sandbox/main.py"),
                LauncherProtocol.command("/sandbox/main.py", List.of("python3", "/sandbox/main.py")));
    }

    @Test
    void noncesAreLongAndFresh() {
        assertEquals(32, LauncherProtocol.nonce().length());
        assertNotEquals(LauncherProtocol.nonce(), LauncherProtocol.nonce());
    }
}
