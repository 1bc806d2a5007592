package dev.codeexec.session;

import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.execution.LimitsResolver;
import dev.codeexec.execution.Outcome;
import dev.codeexec.execution.StepOutcomes;
import dev.codeexec.language.Language;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What runs in a session: a shell command line, a program of the session's language (written as its
 * entry file, compiled when the language is, and run), or a cell of a REPL context (Python,
 * JavaScript, Ruby). Every step runs in place, in the session's working directory, on a launcher
 * of its own; its limits are the session's (a request may shorten its time).
 */
@ApplicationScoped
public class SessionRuns {

    /** The context a cell runs in when the request names none. */
    public static final String DEFAULT_CONTEXT = "default";

    private final Kernels kernels;
    private final Sessions sessions;
    private final Metrics metrics;

    public SessionRuns(Kernels kernels, Sessions sessions, Metrics metrics) {
        this.kernels = kernels;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    /** A shell command line ({@code bash -c}) in the session's working directory. */
    public Outcome command(Session session, String command, String input, Integer timeoutMs, RunControl control) {
        Duration timeout = timeout(session, timeoutMs);
        Step step = step(session, List.of("/bin/bash", "-c", command), input, timeout);
        return session.use(() -> {
            try (SandboxSession launcher = session.sandbox().channel(control)) {
                return outcome(session, launcher.execute(step), timeout);
            }
        });
    }

    /**
     * A process as an API adapter describes it (argv, environment, working directory under the
     * session's, time limit as given), fed and watched through {@code control}'s live run.
     */
    public StepResult process(Session session, List<String> argv, Map<String, String> env, String cwd,
            Duration timeout, RunControl control) {
        if (argv.isEmpty()) {
            throw new InvalidExecutionException("a process needs a command");
        }
        List<String> command = argv;
        if (cwd != null && !cwd.isEmpty() && !cwd.equals(".")) {
            command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "cd -- \"$1\" && shift && exec \"$@\"", "sh", cwd));
            command.addAll(argv);
        }
        Map<String, String> all = new java.util.HashMap<>(session.runtime().language().env());
        all.putAll(env);
        Step step = new Step(Step.Kind.SESSION, command, all, new byte[0], untilEnd(session, timeout), null,
                session.limits().output());
        return session.use(() -> {
            try (SandboxSession launcher = session.sandbox().channel(control)) {
                return launcher.execute(step);
            }
        });
    }

    /** The code as the language's entry file, compiled if the language is, then run. */
    public Outcome program(Session session, String code, String input, Integer timeoutMs, RunControl control) {
        Duration timeout = timeout(session, timeoutMs);
        Language language = session.runtime().language();
        LimitsResolver.Limits limits = session.limits();
        return session.use(() -> {
            try (SandboxSession launcher = session.sandbox().channel(control)) {
                launcher.write(List.of(new SandboxFile(language.entry(), code.getBytes(StandardCharsets.UTF_8), false)));
                if (language.compiled()) {
                    Step compile = new Step(Step.Kind.SESSION, language.compileCommand(language.entry()), language.env(),
                            new byte[0], limits.compileTimeout(), null, limits.compileOutput());
                    StepResult compiled = launcher.execute(compile);
                    if (compiled.exitCode() != 0 || compiled.end() != StepResult.End.EXITED) {
                        return StepOutcomes.compileFailed(language.id(), session.runtime().version(), compiled,
                                limits.compileTimeout(), limits.compile().memoryBytes(), limits.compileOutput());
                    }
                }
                return outcome(session, launcher.execute(step(session, language.runCommand(language.entry()), input,
                        timeout)), timeout);
            }
        });
    }

    /** True when code runs as cells of a REPL in this session's language. */
    public boolean hasRepl(Session session) {
        return kernels.supports(session.runtime().language().id());
    }

    /** One cell in the named context (made on first use); the context's names stay for its next cell. */
    public Cell cell(Session session, String context, String code, Integer timeoutMs) {
        return cell(session, context, code, timeoutMs, (stderr, text) -> {
        });
    }

    /** The same, its output also told to {@code output} as it comes (stderr?, text). */
    public Cell cell(Session session, String context, String code, Integer timeoutMs,
            java.util.function.BiConsumer<Boolean, String> output) {
        Duration timeout = timeout(session, timeoutMs);
        String name = context == null ? DEFAULT_CONTEXT : context;
        return session.use(() -> {
            Kernel kernel = kernels.of(session, name);
            Cell cell = kernel.run(code, timeout, session.limits().output(), output::accept);
            metrics.executed(Metrics.Api.SESSION, session.runtime().language().id(), status(cell), 
                    Duration.ofMillis(cell.wallTimeMs()));
            return cell;
        });
    }

    /** Ends a REPL context (its names are gone; a later cell there starts anew); false when it had none. */
    public boolean endContext(Session session, String context) {
        return kernels.remove(session, context);
    }

    /** The API status of a cell: its uncaught error is a RUNTIME_ERROR. */
    public static String status(Cell cell) {
        return switch (cell.end()) {
            case DONE -> cell.error() == null ? "OK" : "RUNTIME_ERROR";
            case OUTPUT_LIMIT -> "OUTPUT_LIMIT";
            case TIMEOUT -> "TIMEOUT";
            case REPL_ENDED -> "RUNTIME_ERROR";
        };
    }

    private Outcome outcome(Session session, StepResult result, Duration timeout) {
        Outcome outcome = StepOutcomes.of(session.runtime().language().id(), session.runtime().version(), result,
                timeout, session.limits().run().memoryBytes(), session.limits().output());
        metrics.executed(Metrics.Api.SESSION, outcome.language(), outcome.status(), result.wallTime());
        return outcome;
    }

    private static Step step(Session session, List<String> command, String input, Duration timeout) {
        Map<String, String> env = session.runtime().language().env();
        byte[] stdin = input == null ? new byte[0] : input.getBytes(StandardCharsets.UTF_8);
        return new Step(Step.Kind.SESSION, command, env, stdin, timeout, null, session.limits().output());
    }

    /** The request's time limit (1 ms to max-timeout), else the session's; never past the session's end. */
    private Duration timeout(Session session, Integer timeoutMs) {
        return untilEnd(session, sessions.timeout(timeoutMs, session.limits().timeout()));
    }

    /** The time limit, cut at the session's end. */
    public static Duration untilEnd(Session session, Duration wanted) {
        Duration left = Duration.between(Instant.now(), session.end());
        return left.compareTo(wanted) < 0 ? Duration.ofMillis(Math.max(1, left.toMillis())) : wanted;
    }
}
