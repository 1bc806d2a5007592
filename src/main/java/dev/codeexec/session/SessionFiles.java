package dev.codeexec.session;

import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxPaths;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session's files, under its working directory: written by the launcher (which opens every part of
 * the path without following a link), read, listed and removed by a step of the session's own user,
 * which refuses any path whose links lead out of the working directory. Paths follow the rule of
 * {@code files[]} (relative, no "." or ".." parts, no control characters).
 */
@ApplicationScoped
public class SessionFiles {

    /**
     * A directory entry: its path under the working directory, type ("file", "dir", "symlink",
     * "other"), size, permission bits and when it last changed.
     */
    public record Entry(String name, String path, String type, long size, int mode, java.time.Instant modified) {
    }

    /** The file, or the directory listed, is not there. */
    public static class MissingException extends RuntimeException {
        public MissingException(String path) {
            super("no such file: " + path);
        }
    }

    private static final Duration STEP_TIME = Duration.ofSeconds(30);
    private static final String ROOT = "/sandbox";
    /** Exits of the scripts below: missing, a link out of the working directory, wrong type, too large. */
    private static final int MISSING = 3;
    private static final int OUTSIDE = 4;
    private static final int WRONG_TYPE = 5;
    private static final int TOO_LARGE = 6;
    private static final String INSIDE = "case \"$(readlink -f -- \"$1\")\" in " + ROOT + "|" + ROOT
            + "/*) ;; *) exit " + OUTSIDE + ";; esac; ";
    private static final String EXISTS = "[ -e \"$1\" ] || [ -L \"$1\" ] || exit " + MISSING + "; ";

    private final long maxFileBytes;

    public SessionFiles(Sessions sessions) {
        this.maxFileBytes = sessions.config().maxFileBytes().asLongValue();
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public void write(Session session, String path, byte[] content) {
        check(path);
        if (content.length > maxFileBytes) {
            throw new InvalidExecutionException("a session's file may hold at most " + maxFileBytes + " bytes");
        }
        session.use(() -> {
            try (SandboxSession launcher = session.sandbox().channel(new RunControl())) {
                launcher.write(List.of(new SandboxFile(path, content, false)));
            }
            return null;
        });
    }

    public byte[] read(Session session, String path) {
        check(path);
        String script = EXISTS + INSIDE + "[ -f \"$1\" ] || exit " + WRONG_TYPE + "; [ \"$(stat -c %s -- \"$1\")\" -le "
                + maxFileBytes + " ] || exit " + TOO_LARGE + "; exec cat -- \"$1\"";
        return run(session, script, path, maxFileBytes + 1, "regular file").output().stdout();
    }

    /** The entries of a directory ("" or null: the working directory), sorted by name. */
    public List<Entry> list(Session session, String dir) {
        String path = dir == null || dir.isEmpty() || dir.equals(".") ? "." : check(dir);
        String script = EXISTS + INSIDE + "[ -d \"$1\" ] || exit " + WRONG_TYPE
                + "; exec find \"$1\" -mindepth 1 -maxdepth 1 -printf '" + FORMAT + "'";
        byte[] out = run(session, script, path, 4L << 20, "directory").output().stdout();
        List<Entry> entries = new ArrayList<>(entries(out, path.equals(".") ? "" : path + "/"));
        entries.sort(java.util.Comparator.comparing(Entry::name));
        return entries;
    }

    /** The entry at the path itself (not what a link there points to). */
    public Entry stat(Session session, String path) {
        String checked = path == null || path.isEmpty() || path.equals(".") ? "." : check(path);
        String script = EXISTS + "case \"$(readlink -f -- \"$(dirname -- \"$1\")\")\" in " + ROOT + "|" + ROOT
                + "/*) ;; *) exit " + OUTSIDE + ";; esac; find \"$1\" -maxdepth 0 -printf '" + FORMAT + "'";
        byte[] out = run(session, script, checked, 64 * 1024, "file").output().stdout();
        List<Entry> found = entries(out, "");
        if (found.isEmpty()) {
            throw new MissingException(path);
        }
        Entry e = found.get(0);
        String name = checked.equals(".") ? "" : checked.substring(checked.lastIndexOf('/') + 1);
        return new Entry(name, checked, e.type(), e.size(), e.mode(), e.modified());
    }

    /** Makes a directory and its parents; false when it was there already. */
    public boolean makeDir(Session session, String path) {
        check(path);
        // The nearest part of the path that exists must lie inside; then the rest is made there.
        String script = "[ -d \"$1\" ] && exit 7; p=$1; while [ ! -e \"$p\" ] && [ ! -L \"$p\" ]; do p=$(dirname -- \"$p\"); "
                + "done; case \"$(readlink -f -- \"$p\")\" in " + ROOT + "|" + ROOT + "/*) ;; *) exit " + OUTSIDE
                + ";; esac; exec mkdir -p -- \"$1\"";
        StepResult r = session.use(() -> runRaw(session, script, path, 64 * 1024));
        if (r.end() == StepResult.End.EXITED && r.exitCode() == 7) {
            return false;
        }
        check(r, path, 64 * 1024, "directory");
        return true;
    }

    /** Renames a file, link or directory within the working directory. */
    public void move(Session session, String from, String to) {
        check(from);
        check(to);
        String script = EXISTS + "case \"$(readlink -f -- \"$(dirname -- \"$2\")\")\" in " + ROOT + "|" + ROOT
                + "/*) ;; *) exit " + OUTSIDE + ";; esac; exec mv -T -- \"$1\" \"$2\"";
        Step step = new Step(Step.Kind.SESSION, List.of("/bin/sh", "-c", script, "sh", from, to), Map.of(),
                new byte[0], STEP_TIME, null, 64 * 1024);
        check(session.use(() -> execute(session, step)), from, 64 * 1024, "file");
    }

    /** find's -printf: type, size, octal mode, modification time, the path below the start point. */
    private static final String FORMAT = "%y\\t%s\\t%m\\t%T@\\t%P\\0";

    private static List<Entry> entries(byte[] out, String prefix) {
        List<Entry> entries = new ArrayList<>();
        for (String record : new String(out, StandardCharsets.UTF_8).split("\0")) {
            String[] f = record.split("\t", 5);
            if (f.length == 5 && !f[4].startsWith(".code-exec-step-")) {
                double seconds = Double.parseDouble(f[3]);
                java.time.Instant modified = java.time.Instant.ofEpochSecond((long) seconds,
                        (long) ((seconds - Math.floor(seconds)) * 1e9));
                entries.add(new Entry(f[4], prefix + f[4], type(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2], 8),
                        modified));
            }
        }
        return entries;
    }

    /** Removes a file, a link (not what it points to) or a directory with all it holds. */
    public void remove(Session session, String path) {
        check(path);
        String script = EXISTS + "case \"$(readlink -f -- \"$(dirname -- \"$1\")\")\" in " + ROOT + "|" + ROOT
                + "/*) ;; *) exit " + OUTSIDE + ";; esac; exec rm -rf -- \"$1\"";
        run(session, script, path, 64 * 1024, "file");
    }

    private StepResult run(Session session, String script, String path, long outputBytes, String expected) {
        return check(session.use(() -> runRaw(session, script, path, outputBytes)), path, outputBytes, expected);
    }

    private static StepResult runRaw(Session session, String script, String path, long outputBytes) {
        return execute(session, new Step(Step.Kind.SESSION, List.of("/bin/sh", "-c", script, "sh", path), Map.of(),
                new byte[0], STEP_TIME, null, outputBytes));
    }

    private static StepResult execute(Session session, Step step) {
        try (SandboxSession launcher = session.sandbox().channel(new RunControl())) {
            return launcher.execute(step);
        }
    }

    private StepResult check(StepResult result, String path, long outputBytes, String expected) {
        switch (result.end() == StepResult.End.EXITED ? result.exitCode() : -1) {
            case 0 -> {
                return result;
            }
            case MISSING -> throw new MissingException(path);
            case OUTSIDE -> throw new InvalidExecutionException(path + " leads out of the session's working directory");
            case WRONG_TYPE -> throw new InvalidExecutionException(path + " is not a " + expected);
            case TOO_LARGE -> throw new InvalidExecutionException(path + " is larger than " + maxFileBytes + " bytes");
            default -> throw new IllegalStateException("the session's file step failed: exit " + result.exitCode() + " "
                    + new String(result.output().stderr(), StandardCharsets.UTF_8));
        }
    }

    private static String check(String path) {
        String problem = path == null ? "is required" : SandboxPaths.problem(path);
        if (problem != null) {
            throw new InvalidExecutionException("path " + problem);
        }
        return path;
    }

    private static String type(String findType) {
        return switch (findType) {
            case "f" -> "file";
            case "d" -> "dir";
            case "l" -> "symlink";
            default -> "other";
        };
    }
}
