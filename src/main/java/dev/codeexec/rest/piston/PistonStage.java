package dev.codeexec.rest.piston;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.codeexec.execution.StepOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The compile or run stage as Piston reports it. {@code status} is Piston's: null when the program
 * exited 0, RE (non-zero exit), SG (died on a signal, the memory limit's kill included), TO (wall
 * clock or CPU time), OL / EL (output cap: whichever stream holds more); {@code code} is null when
 * {@code signal} is set.
 */
@Schema(name = "PistonStage")
public record PistonStage(String stdout, String stderr,
        @Schema(description = "stdout and stderr in the order they were written") String output,
        @Schema(description = "Exit code; null when a signal ended the stage") Integer code,
        @Schema(examples = "SIGKILL") String signal,
        @Schema(description = "Why the stage ended, when it failed") String message,
        @Schema(enumeration = {"RE", "SG", "TO", "OL", "EL", "XX"}, nullable = true) String status,
        @Schema(description = "CPU time in ms") @JsonProperty("cpu_time") long cpuTime,
        @Schema(description = "Wall-clock time in ms") @JsonProperty("wall_time") long wallTime,
        @Schema(description = "Peak memory in bytes") long memory) {

    static PistonStage of(StepOutcome s) {
        Integer code = s.exitCode();
        String signal = null;
        String status = null;
        String message = null;
        switch (s.status()) {
            case OK -> {
            }
            case RUNTIME_ERROR, COMPILE_ERROR -> {
                if (s.signal() != null) {
                    status = "SG";
                    signal = s.signal();
                    message = "Caught fatal signal " + (s.exitCode() - 128);
                    code = null;
                } else {
                    status = "RE";
                    message = "Exited with error status " + s.exitCode();
                }
            }
            case TIMEOUT, MEMORY_LIMIT, OUTPUT_LIMIT -> {
                status = switch (s.status()) {
                    case TIMEOUT -> "TO";
                    case MEMORY_LIMIT -> "SG";
                    default -> s.stderr().length() > s.stdout().length() ? "EL" : "OL";
                };
                signal = "SIGKILL";
                message = s.message();
                code = null;
            }
        }
        return new PistonStage(s.stdout(), s.stderr(), s.output(), code, signal, message, status, s.cpuTimeMs(),
                s.wallTimeMs(), s.memoryKb() * 1024);
    }
}
