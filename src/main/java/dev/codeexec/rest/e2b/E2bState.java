package dev.codeexec.rest.e2b;

import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.RunControl;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the E2B adapter keeps with a session: the template it was made from, the access token its
 * data-plane calls carry, the environment of its processes, its running processes by pid, and its
 * code contexts (the default one is the session's first REPL context).
 */
final class E2bState {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A process started through process.Process/Start, until it ends. */
    record Process(int pid, List<String> argv, Map<String, String> envs, String cwd, String tag, LiveRun live,
            RunControl control) {
    }

    /** A code context: its id (the session's REPL context name), language and working directory. */
    record Context(String id, String language, String cwd) {
    }

    final String template;
    final String token = HexFormat.of().formatHex(bytes());
    final Map<String, String> envs;
    final Map<Integer, Process> processes = new ConcurrentHashMap<>();
    final Map<String, Context> contexts = new ConcurrentHashMap<>();
    private final AtomicInteger pids = new AtomicInteger(100);

    E2bState(String template, Map<String, String> envs) {
        this.template = template;
        this.envs = envs == null ? Map.of() : Map.copyOf(envs);
    }

    int nextPid() {
        return pids.incrementAndGet();
    }

    /** True when the presented token is this session's (compared in constant time). */
    boolean admits(String presented) {
        return presented != null && java.security.MessageDigest.isEqual(
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
