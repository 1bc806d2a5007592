package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SessionSpec;
import dev.codeexec.sandbox.Step;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * How the service talks to the launcher, PID 1 of every sandbox (src/main/runtimes/base/launcher.c):
 * commands on its stdin, frames on its stdout. The program never touches either stream.
 */
final class LauncherProtocol {

    static final String LAUNCHER = "/opt/code-exec/launcher";

    private LauncherProtocol() {
    }

    /** The container command: the launcher, and the loader it starts at once, if any. */
    static List<String> command(SessionSpec.Preload preload) {
        if (preload == null) {
            return List.of(LAUNCHER);
        }
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(LAUNCHER);
        cmd.add("--preload");
        cmd.add(String.valueOf(preload.env().size()));
        preload.env().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> cmd.add(e.getKey() + "=" + e.getValue()));
        cmd.addAll(preload.command());
        return cmd;
    }

    /** "file MODE SIZE PATH\n" and the content. */
    static byte[] file(SandboxFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.content().length + 64);
        String header = "file " + (file.executable() ? "755" : "644") + " " + file.content().length + " "
                + file.path() + "\n";
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file.content());
        return out.toByteArray();
    }

    /** "step KIND TIMEOUT-MS CPU-MS CAP ARGV ENV INPUT\n", the NUL-terminated argv and env, then stdin. */
    static byte[] step(Step step) {
        byte[] argv = nulTerminated(step.command());
        byte[] env = nulTerminated(step.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        long cpuMs = step.cpuTime() == null ? 0 : Math.max(1, step.cpuTime().toMillis());
        String header = "step " + (step.kind() == Step.Kind.COMPILE ? "compile" : "run") + " "
                + Math.max(1, step.timeout().toMillis()) + " " + cpuMs + " " + step.outputBytes() + " "
                + argv.length + " " + env.length + " " + step.input().length + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(argv.length + env.length + step.input().length + 96);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(argv);
        out.writeBytes(env);
        out.writeBytes(step.input());
        return out.toByteArray();
    }

    /** Throughput mode: end the request (kill everything, remove every file), answered by 'K'. */
    static byte[] reset() {
        return "reset\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pack() {
        return "pack\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] nulTerminated(List<String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            out.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A step's result line: "exit=N reason=R oom=N wall_us=N cpu_us=N maxrss_kb=N". */
    record Report(int exit, String reason, long oomKills, long wallMicros, long cpuMicros, long maxRssKb) {

        static Report parse(String line) {
            Map<String, String> f = new java.util.HashMap<>();
            for (String part : line.trim().split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    f.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            try {
                return new Report(Integer.parseInt(f.get("exit")), f.get("reason"), Long.parseLong(f.get("oom")),
                        Long.parseLong(f.get("wall_us")), Long.parseLong(f.get("cpu_us")),
                        Long.parseLong(f.get("maxrss_kb")));
            } catch (RuntimeException e) {
                throw new IllegalStateException("unreadable step report from the launcher: " + line, e);
            }
        }
    }
}
