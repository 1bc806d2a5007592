package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.Runtime;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxLimits;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.WarmPool;
import jakarta.enterprise.event.Observes;
import dev.codeexec.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Validates a request, resolves its language and limits, runs it guarded, and classifies the result. */
@ApplicationScoped
public class ExecutionService {

    private static final Logger LOG = Logger.getLogger(ExecutionService.class);

    private final LanguageRegistry languages;
    private final LimitsResolver limits;
    private final GuardedSandbox sandbox;
    private final CodeExecConfig.LimitsConfig caps;
    private final Metrics metrics;
    private final ShutdownGate gate;
    private final WarmPool pool;

    public ExecutionService(LanguageRegistry languages, LimitsResolver limits, GuardedSandbox sandbox,
            CodeExecConfig config, Metrics metrics, ShutdownGate gate, WarmPool pool) {
        this.pool = pool;
        this.gate = gate;
        this.languages = languages;
        this.limits = limits;
        this.sandbox = sandbox;
        this.caps = config.limits();
        this.metrics = metrics;
        metrics.capacity(config.execution().maxConcurrent(), config.execution().queue());
    }

    /**
     * Runs the request. Invalid requests fail at once (before taking a slot); {@code control}
     * cancels the run, e.g. when the client disconnects.
     */
    public CompletionStage<Outcome> execute(Execution request, RunControl control) {
        Language language = languages.find(request.language())
                .orElseThrow(() -> new UnsupportedLanguageException(languages.names()));
        byte[] code = utf8(request.code());
        byte[] input = utf8(request.input());
        List<String> args = request.args() == null ? List.of() : request.args();
        RequestChecks.check(caps, request.code(), code, input, args);
        Runtime runtime = languages.runtime(language)
                .orElseThrow(() -> new RuntimeNotReadyException(language.id()));
        SandboxLimits runLimits = limits.resolve(language.id(), request.timeoutMs(), request.memoryMb());

        SandboxSpec spec = new SandboxSpec(language.id(), runtime.image(), language.sourceFile(), language.command(),
                code, args, input, runLimits);
        RunLog log = new RunLog(RunLog.newId(), language.id(), System.nanoTime());
        AtomicBoolean leftQueue = new AtomicBoolean();
        Runnable onStart = () -> {
            if (leftQueue.compareAndSet(false, true)) {
                metrics.leftQueue();
                log.started();
            }
        };
        gate.admit();
        metrics.queuedRun();
        CompletionStage<dev.codeexec.sandbox.SandboxResult> run;
        try {
            run = sandbox.run(spec, control, onStart);
        } catch (RuntimeException e) {
            onStart.run();
            throw e;
        }
        return run
                .whenComplete((result, error) -> onStart.run())
                .thenApply(result -> OutcomeClassifier.classify(language.id(), runtime.version(), result, runLimits))
                .whenComplete((outcome, error) -> {
                    if (outcome != null) {
                        metrics.executed(language.id(), outcome.status().name(), wallTime(outcome));
                        log.finished(outcome);
                    } else {
                        log.failed(error);
                    }
                });
    }

    private static java.time.Duration wallTime(Outcome outcome) {
        return java.time.Duration.ofMillis(outcome.wallTimeMs());
    }

    /** A language became ready: keep containers with its default limits warm. */
    void warm(@Observes Runtime runtime) {
        Language language = runtime.language();
        pool.keepWarm(new SandboxSpec(language.id(), runtime.image(), language.sourceFile(), language.command(),
                new byte[0], List.of(), new byte[0], limits.resolve(language.id(), null, null)));
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
