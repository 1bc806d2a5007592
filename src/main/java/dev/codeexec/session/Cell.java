package dev.codeexec.session;

import java.util.List;

/**
 * What a REPL cell did: its output, the value of its last expression ({@code result}, as the
 * language prints it; null for none), its uncaught error, its figures (base64 PNG), and how it ended.
 */
public record Cell(String stdout, String stderr, String output, String result, Error error, List<String> images,
        End end, long wallTimeMs) {

    /** How a cell ended: done; cut at the output cap; out of time (interrupted); or its REPL ended under it. */
    public enum End { DONE, OUTPUT_LIMIT, TIMEOUT, REPL_ENDED }

    /** An uncaught exception: its class, message and traceback as the language prints them. */
    public record Error(String name, String value, String traceback) {
    }
}
