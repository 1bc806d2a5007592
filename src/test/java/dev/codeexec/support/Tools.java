package dev.codeexec.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests drive (node and npm, chromium and chromedriver). Where one is missing the test
 * is skipped with the reason, except in CI (.ci/run sets CODE_EXEC_CI=1 and installs them): there
 * a missing program fails the test, so CI never passes by skipping.
 */
public final class Tools {

    private Tools() {
    }

    /** The program's path, or the test is skipped (failed in CI). */
    public static Path require(String program, String neededFor) {
        Optional<Path> found = find(program);
        if (found.isPresent()) {
            return found.get();
        }
        String reason = program + " is not installed, so " + neededFor + " cannot run here";
        if (System.getenv("CODE_EXEC_CI") != null) {
            fail(reason + " (.ci/run installs it)");
        }
        Assumptions.abort(reason + "; skipped (install it to run it: see .ci/run)");
        throw new AssertionError("unreachable");
    }

    public static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command in a directory and returns its stdout; fails with its stderr if it fails or overruns. */
    public static String run(Path dir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        return run(dir, timeout, command, java.util.Map.of());
    }

    /** The same, with these variables added to the command's environment. */
    public static String run(Path dir, Duration timeout, List<String> command, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        Path err = Files.createTempFile("tool", ".err");
        Path out = Files.createTempFile("tool", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout + ": " + Files.readString(err));
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + Files.readString(err)
                        + Files.readString(out));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }
}
