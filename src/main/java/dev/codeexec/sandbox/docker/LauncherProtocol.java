package dev.codeexec.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How the service talks to the launcher baked into every runtime image
 * (src/main/runtimes/launcher.c): the container command, and what goes to its stdin.
 */
final class LauncherProtocol {

    static final String LAUNCHER = "/opt/code-exec/launcher";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LauncherProtocol() {
    }

    /** The container command: the launcher, where to put the program, and what runs it. */
    static List<String> command(String sourceFile, List<String> command) {
        List<String> cmd = new ArrayList<>(command.size() + 2);
        cmd.add(LAUNCHER);
        cmd.add(sourceFile);
        cmd.addAll(command);
        return cmd;
    }

    /** A fresh secret for one run's completion marker. */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** "size nonce argsize\n", the program, the NUL-terminated arguments, then the program's stdin. */
    static byte[] stdin(byte[] code, List<String> args, byte[] input, String nonce) {
        ByteArrayOutputStream argBytes = new ByteArrayOutputStream();
        for (String arg : args) {
            argBytes.writeBytes(arg.getBytes(StandardCharsets.UTF_8));
            argBytes.write(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(code.length + argBytes.size() + input.length + 64);
        out.writeBytes((code.length + " " + nonce + " " + argBytes.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(code);
        out.writeBytes(argBytes.toByteArray());
        out.writeBytes(input);
        return out.toByteArray();
    }
}
