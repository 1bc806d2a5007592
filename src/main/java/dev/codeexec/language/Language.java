package dev.codeexec.language;

import java.util.List;

/**
 * A language the service knows: its id, the aliases clients may use, where the program's text is
 * written in the sandbox, the command that runs it, and the command that prints its version.
 */
public record Language(String id, List<String> aliases, String sourceFile, List<String> command,
        List<String> versionCommand) {
}
