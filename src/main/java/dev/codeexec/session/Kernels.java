package dev.codeexec.session;

import dev.codeexec.sandbox.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REPL kernels (resources kernels/*), by language: each a small program of the language itself,
 * started as {@code <interpreter> <flag> <source>} so the runtime images need nothing more.
 */
@ApplicationScoped
public class Kernels {

    /** Contexts one session may hold: each is a process and one of its launchers; one launcher stays for the rest. */
    private final int maxContexts;

    public Kernels(dev.codeexec.config.CodeExecConfig config) {
        this.maxContexts = Math.max(1, config.sessions().channels() - 1);
    }

    private final Map<String, List<String>> commands = Map.of(
            "python", List.of("python3", "-u", "-c", source("python.py")),
            "javascript", List.of("node", "-e", source("javascript.js")),
            "ruby", List.of("ruby", "-e", source("ruby.rb")));

    boolean supports(String language) {
        return commands.containsKey(language);
    }

    /** The session's context of that name, started now if it has none (or its REPL ended). */
    Kernel of(Session session, String context) {
        synchronized (session) {
            Kernel kernel = session.kernels().get(context);
            if (kernel != null && kernel.alive()) {
                return kernel;
            }
            if (kernel == null && session.kernels().size() >= maxContexts) {
                throw new dev.codeexec.execution.InvalidExecutionException(
                        "a session holds at most " + maxContexts + " contexts");
            }
            Kernel started = Kernel.start(session, step(session));
            session.kernels().put(context, started);
            return started;
        }
    }

    /** Ends a context (its names are gone); false when there was none. */
    boolean remove(Session session, String context) {
        Kernel kernel = session.kernels().remove(context);
        if (kernel != null) {
            kernel.close();
        }
        return kernel != null;
    }

    private Step step(Session session) {
        String language = session.runtime().language().id();
        List<String> command = Optional.ofNullable(commands.get(language))
                .orElseThrow(() -> new dev.codeexec.execution.InvalidExecutionException(
                        language + " has no REPL: send a command, or code to run as a program"));
        Map<String, String> env = session.runtime().language().env();
        Duration life = Duration.between(Instant.now(), session.end());
        // The kernel's step lasts as long as the session; each cell has its own time and output limits.
        return new Step(Step.Kind.SESSION, command, env, new byte[0], life.isNegative() ? Duration.ofMillis(1) : life,
                null, Integer.MAX_VALUE);
    }

    private static String source(String name) {
        try (InputStream in = Kernels.class.getResourceAsStream("/kernels/" + name)) {
            if (in == null) {
                throw new IllegalStateException("kernel source missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
