package dev.codeexec.execution;

import java.util.List;

/** A client's request to run a program; any field but language and code may be null. */
public record Execution(String language, String code, String input, List<String> args, Integer timeoutMs,
        Integer memoryMb) {
}
