package dev.codeexec.execution;

import dev.codeexec.config.LimitsConfig;
import java.util.List;

/** The size and shape checks of a run's input and arguments, before it may take a run slot. */
final class RequestChecks {

    static final int MAX_ARG_CHARS = 4096;

    private RequestChecks() {
    }

    static void check(LimitsConfig caps, byte[] input, List<String> args) {
        if (input.length > caps.input().asLongValue()) {
            throw new InvalidExecutionException("input is " + input.length + " bytes; the limit is "
                    + caps.input().asLongValue() + " bytes");
        }
        if (args.size() > caps.maxArgs()) {
            throw new InvalidExecutionException("at most " + caps.maxArgs() + " args are allowed");
        }
        for (String arg : args) {
            if (arg == null || arg.indexOf('\0') >= 0 || arg.length() > MAX_ARG_CHARS) {
                throw new InvalidExecutionException(
                        "each arg must be a string of at most " + MAX_ARG_CHARS + " characters without NUL");
            }
        }
    }
}
