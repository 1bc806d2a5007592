package dev.codeexec.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.StepResult;
import dev.codeexec.sandbox.StepResult.End;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeClassifierTest {

    private static final StepResult.Output OUT = new StepResult.Output("o".getBytes(), "e".getBytes(), "oe".getBytes());
    private static final ContainerLimits RUN = new ContainerLimits(128L << 20, 1, 64, 16L << 20, 4096, 8L << 20, 256);
    private static final LimitsResolver.Limits LIMITS = new LimitsResolver.Limits(RUN, Duration.ofSeconds(3), null,
            1 << 20, RUN.with(512L << 20, 128), Duration.ofSeconds(10), null, 256 << 10);

    /** A step as the launcher reports it: killed by signal n means exit code 128 + n and signal n. */
    private static StepResult step(int code, End end, boolean oom) {
        return step(code, code > 128 ? code - 128 : 0, end, oom);
    }

    private static StepResult step(int code, int signal, End end, boolean oom) {
        return new StepResult(code, signal, end, oom, OUT, Duration.ofMillis(12), Duration.ofMillis(7), 4242);
    }

    private static Outcome run(int code, End end, boolean oom) {
        return OutcomeClassifier.classify("python", "3.11.2", new PlanResult(null, false, List.of(step(code, end, oom)), false), LIMITS);
    }

    @Test
    void statusesAndMessages() {
        assertEquals("OK", run(0, End.EXITED, false).status());
        assertEquals("oe", run(0, End.EXITED, false).message());
        assertEquals("RUNTIME_ERROR", run(1, End.EXITED, false).status());
        assertEquals("oe", run(1, End.EXITED, false).message());
        assertEquals("Timeout of 3000 ms exceeded", run(137, End.TIMEOUT, false).message());
        assertEquals("TIMEOUT", run(137, End.CPU_LIMIT, false).status());
        assertEquals("MEMORY_LIMIT", run(137, End.EXITED, true).status());
        assertEquals("Memory limit of 128 MiB exceeded", run(137, End.EXITED, true).message());
        assertEquals("Output limit of 1 MiB exceeded", run(137, End.OUTPUT_LIMIT, false).message());
        assertEquals("OUTPUT_LIMIT", run(137, End.OUTPUT_LIMIT, true).status(), "the cap came first");
    }

    @Test
    void resourceUsageIsReported() {
        StepOutcome r = run(0, End.EXITED, false).run();
        assertEquals(12, r.wallTimeMs());
        assertEquals(7, r.cpuTimeMs());
        assertEquals(4242, r.memoryKb());
    }

    @Test
    void aFailedCompilationIsACompileErrorAndNothingRan() {
        Outcome o = OutcomeClassifier.classify("c", "12.2.0", new PlanResult(step(1, End.EXITED, false), false, List.of(), true), LIMITS);
        assertEquals("COMPILE_ERROR", o.status());
        assertEquals("oe", o.message(), "the compiler's output");
        assertNull(o.run());
        assertEquals(RunStatus.COMPILE_ERROR, o.compile().status());
    }

    @Test
    void limitsHitWhileCompilingAreReportedAsSuch() {
        Outcome timeout = OutcomeClassifier.classify("c", "12.2.0",
                new PlanResult(step(137, End.TIMEOUT, false), false, List.of(), true), LIMITS);
        assertEquals("TIMEOUT", timeout.status());
        assertEquals(RunStatus.TIMEOUT, timeout.compile().status());
        assertEquals("Compilation: Timeout of 10000 ms exceeded", timeout.message());
        Outcome oom = OutcomeClassifier.classify("c", "12.2.0", new PlanResult(step(137, End.EXITED, true), false, List.of(), true), LIMITS);
        assertEquals("MEMORY_LIMIT", oom.status());
        assertEquals("Compilation: Memory limit of 512 MiB exceeded", oom.message());
    }

    @Test
    void aCompiledRunCarriesBothSteps() {
        Outcome o = OutcomeClassifier.classify("c", "12.2.0",
                new PlanResult(step(0, End.EXITED, false), false, List.of(step(3, End.EXITED, false)), true), LIMITS);
        assertEquals("RUNTIME_ERROR", o.status());
        assertEquals(RunStatus.OK, o.compile().status());
        assertEquals(3, o.run().exitCode());
    }

    @Test
    void signalsComeFromTheWaitStatusNotTheExitCode() {
        assertEquals("SIGKILL", run(137, End.EXITED, false).run().signal());
        assertEquals("SIGSEGV", run(139, End.EXITED, false).run().signal());
        assertNull(run(1, End.EXITED, false).run().signal());
        Outcome exited139 = OutcomeClassifier.classify("c", "12", new PlanResult(null, false,
                List.of(step(139, 0, End.EXITED, false)), false), LIMITS);
        assertEquals("RUNTIME_ERROR", exited139.status());
        assertEquals(139, exited139.run().exitCode());
        assertNull(exited139.run().signal(), "exit(139) is no SIGSEGV");
    }

    @Test
    void sizesReadLikeHumansWriteThem() {
        assertEquals("1 MiB", OutcomeClassifier.size(1 << 20));
        assertEquals("64 KiB", OutcomeClassifier.size(64 << 10));
        assertEquals("1000 bytes", OutcomeClassifier.size(1000));
    }
}
