package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.Step;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * How the service talks to the launcher, PID 1 of every sandbox (src/main/runtimes/base/launcher/):
 * commands on its stdin, frames on its stdout. The program never touches either stream.
 */
final class LauncherProtocol {

    static final String LAUNCHER = "/opt/code-exec/launcher";

    private LauncherProtocol() {
    }

    /** The container command: the launcher, and the loader it starts at once, if any. */
    static List<String> command(SandboxSpec.Preload preload) {
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

    /** 'f', mode, path length, size, the path, the content; answered by 'A' (written) or 'X' (refused). */
    static byte[] file(SandboxFile file) {
        byte[] path = file.path().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(13 + path.length + file.content().length);
        out.put((byte) 'f').putInt(file.executable() ? 0755 : 0644).putInt(path.length).putInt(file.content().length);
        return out.put(path).put(file.content()).array();
    }

    /**
     * 's', kind, timeout, CPU time, output cap, argc, envc, input length, each argument and variable
     * (length, bytes), the input; answered by the step's frames and 'R', or by 'X' (refused). A live
     * step (kind bit 1) also reads {@link #stdin}, {@link #endOfInput} and {@link #signal} while it runs.
     */
    static byte[] step(Step step, boolean live) {
        List<byte[]> argv = step.command().stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toList();
        List<byte[]> env = step.env().entrySet().stream()
                .map(e -> (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8)).toList();
        long cpuMs = step.cpuTime() == null ? 0 : Math.max(1, step.cpuTime().toMillis());
        int size = 26 + step.input().length;
        for (byte[] s : argv) {
            size += 4 + s.length;
        }
        for (byte[] s : env) {
            size += 4 + s.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) 's').put((byte) (kindBits(step.kind()) | (live ? 2 : 0) | (step.keepFiles() ? 8 : 0)))
                .putInt(u32(Math.max(1, step.timeout().toMillis()))).putInt(u32(cpuMs)).putInt(u32(step.outputBytes()))
                .putInt(argv.size()).putInt(env.size()).putInt(step.input().length);
        for (byte[] s : argv) {
            out.putInt(s.length).put(s);
        }
        for (byte[] s : env) {
            out.putInt(s.length).put(s);
        }
        return out.put(step.input()).array();
    }

    /** The step kind's bits: a compile 0, a run 1, a session's step 4 (in place). */
    private static int kindBits(Step.Kind kind) {
        return switch (kind) {
            case COMPILE -> 0;
            case RUN -> 1;
            case SESSION -> 4;
        };
    }

    /**
     * 'o', pattern count, each pattern (length, bytes), the most files and bytes: the files of the
     * last run (kept) that match, answered as a pack is ('F' frames, then 'D').
     */
    static byte[] outputs(List<String> patterns, int maxFiles, long maxBytes) {
        List<byte[]> encoded = patterns.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
        int size = 1 + 4 + 8;
        for (byte[] p : encoded) {
            size += 4 + p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put((byte) 'o').putInt(encoded.size());
        for (byte[] p : encoded) {
            out.putInt(p.length).put(p);
        }
        return out.putInt(maxFiles).putInt(u32(maxBytes)).array();
    }

    /** 'i', length, bytes: more of a live run's stdin; no answer. */
    static byte[] stdin(byte[] data) {
        return ByteBuffer.allocate(5 + data.length).put((byte) 'i').putInt(data.length).put(data).array();
    }

    /** 'e': a live run's stdin ends once what came before is written; no answer. */
    static byte[] endOfInput() {
        return new byte[] {'e'};
    }

    /** 'k', the signal's number: sent to every process of the live step; no answer. */
    static byte[] signal(int number) {
        return new byte[] {'k', (byte) number};
    }

    /** Throughput mode: end the request (kill everything, remove every file), answered by 'K'. */
    static byte[] reset() {
        return new byte[] {'r'};
    }

    /** Every file the compile step left, answered by 'F' frames and 'D'. */
    static byte[] pack() {
        return new byte[] {'p'};
    }

    /** A number for a u32 field (the launcher reads it unsigned), capped at the field's range. */
    private static int u32(long value) {
        return (int) Math.min(Math.max(0, value), 0xffff_ffffL);
    }

    /**
     * A step's result line: "exit=N signal=N reason=R oom=N wall_us=N cpu_us=N maxrss_kb=N"; signal
     * is the one that ended the main process by its wait status (0: it exited).
     */
    record ReportFrame(int exit, int signal, String reason, long oomKills, long wallMicros, long cpuMicros, long maxRssKb) {

        static ReportFrame parse(String line) {
            Map<String, String> f = new java.util.HashMap<>();
            for (String part : line.trim().split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    f.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            try {
                return new ReportFrame(Integer.parseInt(f.get("exit")), Integer.parseInt(f.get("signal")), f.get("reason"), Long.parseLong(f.get("oom")),
                        Long.parseLong(f.get("wall_us")), Long.parseLong(f.get("cpu_us")),
                        Long.parseLong(f.get("maxrss_kb")));
            } catch (RuntimeException e) {
                throw new IllegalStateException("unreadable step report from the launcher: " + line, e);
            }
        }
    }
}
