package dev.codeexec.rest.judge0;

import dev.codeexec.execution.RunStatus;
import dev.codeexec.execution.StepOutcome;
import dev.codeexec.execution.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/** Judge0's statuses, with its ids and descriptions (GET /statuses). */
public enum Judge0Status {
    IN_QUEUE(1, "In Queue"),
    PROCESSING(2, "Processing"),
    ACCEPTED(3, "Accepted"),
    WRONG_ANSWER(4, "Wrong Answer"),
    TIME_LIMIT_EXCEEDED(5, "Time Limit Exceeded"),
    COMPILATION_ERROR(6, "Compilation Error"),
    RUNTIME_ERROR_SIGSEGV(7, "Runtime Error (SIGSEGV)"),
    RUNTIME_ERROR_SIGXFSZ(8, "Runtime Error (SIGXFSZ)"),
    RUNTIME_ERROR_SIGFPE(9, "Runtime Error (SIGFPE)"),
    RUNTIME_ERROR_SIGABRT(10, "Runtime Error (SIGABRT)"),
    RUNTIME_ERROR_NZEC(11, "Runtime Error (NZEC)"),
    RUNTIME_ERROR_OTHER(12, "Runtime Error (Other)"),
    INTERNAL_ERROR(13, "Internal Error"),
    EXEC_FORMAT_ERROR(14, "Exec Format Error");

    private final int id;
    private final String description;

    Judge0Status(int id, String description) {
        this.id = id;
        this.description = description;
    }

    /** As Judge0 writes it: {@code {"id": 3, "description": "Accepted"}}. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("description", description);
        return json;
    }

    int id() {
        return id;
    }

    /**
     * How a run ended, in Judge0's terms: a wrong answer only when an expected output was given; the
     * memory limit's kill is "Other" (Judge0 has no status of its own for it), the output cap
     * SIGXFSZ (what the file-size limit of Judge0's sandbox raises).
     */
    static Judge0Status of(StepOutcome run, Verdict verdict) {
        if (verdict == Verdict.WRONG_ANSWER) {
            return WRONG_ANSWER;
        }
        RunStatus status = run.status();
        return switch (status) {
            case OK -> ACCEPTED;
            case COMPILE_ERROR -> COMPILATION_ERROR;
            case TIMEOUT -> TIME_LIMIT_EXCEEDED;
            case MEMORY_LIMIT -> RUNTIME_ERROR_OTHER;
            case OUTPUT_LIMIT -> RUNTIME_ERROR_SIGXFSZ;
            case RUNTIME_ERROR -> run.signal() == null ? RUNTIME_ERROR_NZEC : switch (run.signal()) {
                case "SIGSEGV", "SIGBUS" -> RUNTIME_ERROR_SIGSEGV;
                case "SIGXFSZ" -> RUNTIME_ERROR_SIGXFSZ;
                case "SIGFPE" -> RUNTIME_ERROR_SIGFPE;
                case "SIGABRT" -> RUNTIME_ERROR_SIGABRT;
                default -> RUNTIME_ERROR_OTHER;
            };
        };
    }
}
