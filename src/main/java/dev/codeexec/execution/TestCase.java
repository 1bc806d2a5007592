package dev.codeexec.execution;

import java.util.List;

/** One test case of a request: its stdin, arguments (null: the request's) and the output it must print (null: any). */
public record TestCase(String name, String input, List<String> args, String expectedOutput) {
}
