package dev.codeexec.language;

import java.util.ArrayList;
import java.util.List;

/**
 * A language the service knows: its id, the aliases clients may use, where the program's text is
 * written in the sandbox, the command that runs it, and the command that prints its version.
 */
public record Language(String id, List<String> aliases, String sourceFile, List<String> command,
        List<String> versionCommand) {

    /** The container command for one run: the launcher, then the interpreter, then the user's args. */
    public List<String> runCommand(List<String> args) {
        List<String> cmd = new ArrayList<>(command.size() + args.size() + 2);
        cmd.add(LAUNCHER);
        cmd.add(sourceFile);
        cmd.addAll(command);
        cmd.addAll(args);
        return cmd;
    }

    /** The launcher baked into every runtime image (src/main/runtimes/launcher). */
    public static final String LAUNCHER = "/opt/code-exec/launcher";
}
