package dev.codeexec.rest.piston;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codeexec.execution.Execution;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.language.Language;
import dev.codeexec.rest.EdgeLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Piston's limits (ms and bytes) as the core gets them (whole ms and MiB), and its refusals. */
class PistonLimitsTest {

    private static final Language PYTHON = new Language("python", "Python", null, "main.py", null,
            List.of("python3", "main.py"), List.of("python3", "--version"), null, null, null, false, null);

    private static Execution execution(String limits) throws Exception {
        PistonExecuteRequest request = EdgeLimits.JSON.readValue("{\"language\":\"python\",\"version\":\"*\","
                + "\"files\":[{\"content\":\"print(1)\"}]" + limits + "}", PistonExecuteRequest.class);
        return request.toExecution(PYTHON, EdgeLimits.caps(), false);
    }

    private static String refusal(String limits) {
        return assertThrows(InvalidExecutionException.class, () -> execution(limits)).getMessage();
    }

    @Test
    void millisecondsAndBytesBecomeWholeMillisecondsAndMebibytesRoundedUp() throws Exception {
        Execution e = execution(",\"run_timeout\":1500.5,\"compile_timeout\":20000,\"run_cpu_time\":999,"
                + "\"run_memory_limit\":16777217,\"compile_memory_limit\":268435456");
        assertEquals(1501, e.timeoutMs());
        assertEquals(20000, e.compileTimeoutMs());
        assertEquals(999, e.cpuTimeMs());
        assertEquals(17, e.memoryMb(), "16 MiB and one byte is 17 MiB, never less than asked");
        assertEquals(256, e.compileMemoryMb());
    }

    @Test
    void zeroMinusOneAndNullMeanTheDefault() throws Exception {
        Execution e = execution(",\"run_timeout\":0,\"compile_timeout\":-1,\"run_memory_limit\":null");
        assertNull(e.timeoutMs());
        assertNull(e.compileTimeoutMs());
        assertNull(e.memoryMb());
    }

    @Test
    void refusalsNameTheFieldAndTheCapInPistonsUnit() {
        assertEquals("run_timeout cannot exceed the configured limit of 10000", refusal(",\"run_timeout\":10000.5"));
        assertEquals("compile_memory_limit cannot exceed the configured limit of 1073741824",
                refusal(",\"compile_memory_limit\":1000000000000.0"));
        assertEquals("run_memory_limit must be at least 16777216", refusal(",\"run_memory_limit\":1000"));
        assertEquals("run_timeout must be non-negative", refusal(",\"run_timeout\":-5"));
        assertEquals("If specified, run_cpu_time must be a number", refusal(",\"run_cpu_time\":\"5\""));
        assertEquals("run_timeout cannot exceed the configured limit of 10000", refusal(",\"run_timeout\":1e400"));
    }
}
