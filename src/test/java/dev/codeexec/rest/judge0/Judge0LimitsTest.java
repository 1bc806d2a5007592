package dev.codeexec.rest.judge0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codeexec.execution.Execution;
import dev.codeexec.rest.EdgeLimits;
import org.junit.jupiter.api.Test;

/** Judge0's limits (seconds and KB) as the core gets them (whole ms and MiB), and its refusals. */
class Judge0LimitsTest {

    private static Execution execution(String limits) throws Exception {
        Judge0Submission submission = EdgeLimits.JSON.readValue("{\"source_code\":\"print(1)\",\"language_id\":71"
                + limits + "}", Judge0Submission.class);
        return submission.toExecution("python", false, EdgeLimits.caps());
    }

    private static String refusal(String limits) {
        Judge0Invalid invalid = assertThrows(Judge0Invalid.class, () -> execution(limits));
        return invalid.field() + " " + invalid.getMessage();
    }

    @Test
    void secondsAndKilobytesBecomeWholeMillisecondsAndMebibytesRoundedUp() throws Exception {
        Execution e = execution(",\"cpu_time_limit\":2.007,\"wall_time_limit\":\"2.5\",\"memory_limit\":16384.5");
        assertEquals(2007, e.cpuTimeMs(), "2.007 s is 2 007 ms (the double product is 2 007.000…1)");
        assertEquals(2500, e.timeoutMs());
        assertEquals(17, e.memoryMb());
        assertEquals(1, execution(",\"cpu_time_limit\":0.0001").cpuTimeMs(), "a positive limit is at least 1 ms");
    }

    @Test
    void zeroAndNullMeanTheDefault() throws Exception {
        Execution e = execution(",\"cpu_time_limit\":0,\"wall_time_limit\":null,\"memory_limit\":0");
        assertNull(e.cpuTimeMs());
        assertNull(e.timeoutMs());
        assertNull(e.memoryMb());
    }

    @Test
    void refusalsNameTheFieldAndTheBoundInJudge0sUnit() {
        assertEquals("wall_time_limit must be less than or equal to 10", refusal(",\"wall_time_limit\":10.001"));
        assertEquals("memory_limit must be less than or equal to 524288", refusal(",\"memory_limit\":524289"));
        assertEquals("memory_limit must be greater than or equal to 16384", refusal(",\"memory_limit\":1000"));
        assertEquals("cpu_time_limit must be greater than or equal to 0", refusal(",\"cpu_time_limit\":-1"));
        assertEquals("cpu_time_limit is not a number", refusal(",\"cpu_time_limit\":\"fast\""));
    }
}
