package dev.codeexec.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.codeexec.sandbox.SandboxLimits;
import dev.codeexec.sandbox.SandboxResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomeClassifierTest {

    private static final SandboxLimits LIMITS =
            new SandboxLimits(Duration.ofMillis(3000), 128L << 20, 1, 64, 1 << 20, 16 << 20, 4096, 8 << 20, 256);
    private static final SandboxResult.Output OUT =
            new SandboxResult.Output("o".getBytes(), "e".getBytes(), "oe".getBytes());

    private static Outcome classify(int code, boolean timedOut, boolean oom, boolean limited) {
        return OutcomeClassifier.classify("python", "3.11.2",
                new SandboxResult(code, timedOut, oom, limited, OUT, Duration.ofMillis(12), false), LIMITS);
    }

    @Test
    void statusesAndMessages() {
        assertEquals(RunStatus.OK, classify(0, false, false, false).status());
        assertEquals("oe", classify(0, false, false, false).message());
        assertEquals(RunStatus.RUNTIME_ERROR, classify(1, false, false, false).status());
        assertEquals("oe", classify(1, false, false, false).message());
        assertEquals("Timeout of 3000 ms exceeded", classify(137, true, false, false).message());
        assertEquals(RunStatus.MEMORY_LIMIT, classify(137, false, true, false).status());
        assertEquals("Memory limit of 128 MiB exceeded", classify(137, false, true, false).message());
        assertEquals("Output limit of 1 MiB exceeded", classify(137, false, false, true).message());
        assertEquals(RunStatus.OUTPUT_LIMIT, classify(137, true, false, true).status(), "the cap came first");
    }

    @Test
    void signalsFollowTheShellConvention() {
        assertEquals("SIGKILL", classify(137, false, false, false).signal());
        assertEquals("SIGSEGV", classify(139, false, false, false).signal());
        assertNull(classify(1, false, false, false).signal());
        assertEquals(12, classify(0, false, false, false).wallTimeMs());
    }

    @Test
    void sizesReadLikeHumansWriteThem() {
        assertEquals("1 MiB", OutcomeClassifier.size(1 << 20));
        assertEquals("64 KiB", OutcomeClassifier.size(64 << 10));
        assertEquals("1000 bytes", OutcomeClassifier.size(1000));
    }
}
