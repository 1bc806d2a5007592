package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import java.util.List;

/** The size and shape checks a request must pass before it may take a run slot. */
final class RequestChecks {

    static final int MAX_ARG_CHARS = 4096;

    private RequestChecks() {
    }

    static void check(CodeExecConfig.LimitsConfig caps, String codeText, byte[] code, byte[] input, List<String> args) {
        if (codeText == null || codeText.isEmpty()) {
            throw new InvalidExecutionException("code is required and must be a non-empty string");
        }
        if (code.length > caps.code().asLongValue()) {
            throw new InvalidExecutionException("code is " + code.length + " bytes; the limit is "
                    + caps.code().asLongValue() + " bytes");
        }
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
