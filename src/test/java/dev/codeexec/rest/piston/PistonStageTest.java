package dev.codeexec.rest.piston;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codeexec.execution.RunStatus;
import dev.codeexec.execution.StepOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our statuses as Piston's two-letter ones. */
class PistonStageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "OK            | 0   | null    | ''   | ''   | null | 0    | null    | null",
            "RUNTIME_ERROR | 3   | null    | ''   | ''   | RE   | 3    | null    | Exited with error status 3",
            "COMPILE_ERROR | 1   | null    | ''   | ''   | RE   | 1    | null    | Exited with error status 1",
            "RUNTIME_ERROR | 139 | SIGSEGV | ''   | ''   | SG   | null | SIGSEGV | Caught fatal signal 11",
            "TIMEOUT       | 137 | SIGKILL | ''   | ''   | TO   | null | SIGKILL | ours",
            "MEMORY_LIMIT  | 137 | SIGKILL | ''   | ''   | SG   | null | SIGKILL | ours",
            "OUTPUT_LIMIT  | 137 | SIGKILL | xxxx | x    | OL   | null | SIGKILL | ours",
            "OUTPUT_LIMIT  | 137 | SIGKILL | x    | xxxx | EL   | null | SIGKILL | ours"})
    void statusesMapToPistons(RunStatus status, int exit, String signal, String stdout, String stderr,
            String pistonStatus, Integer code, String pistonSignal, String message) {
        PistonStage stage = PistonStage.of(new StepOutcome(status, exit, signal, stdout, stderr, stdout + stderr, "ours",
                false, 12, 7, 2048, false));
        assertEquals(pistonStatus, stage.status());
        assertEquals(code, stage.code());
        assertEquals(pistonSignal, stage.signal());
        assertEquals(message, stage.message());
        assertEquals(2048 * 1024, stage.memory());
        assertEquals(12, stage.wallTime());
        assertEquals(7, stage.cpuTime());
    }
}
