package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.Runtime;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SessionSpec;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.WarmPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/** Validates a request, resolves its language and limits, plans it, runs it guarded, and classifies the result. */
@ApplicationScoped
public class ExecutionService {

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
     * cancels the run, e.g. when the client disconnects. When the outer guard gives up, the run is
     * cancelled too, so its sandbox is killed and its slot freed.
     */
    public CompletionStage<Outcome> execute(Execution request, RunControl control) {
        return execute(request, control, Metrics.Api.RUN);
    }

    /** As {@link #execute(Execution, RunControl)}, counted in the metrics under the API it came through. */
    public CompletionStage<Outcome> execute(Execution request, RunControl control, Metrics.Api api) {
        Language language = languages.find(request.language())
                .orElseThrow(() -> new UnsupportedLanguageException(languages.names()));
        Program program = Program.of(request, language, caps);
        byte[] input = utf8(request.input());
        List<String> args = request.args() == null ? List.of() : request.args();
        RequestChecks.check(caps, input, args);
        LimitsResolver.Limits resolved = limits.resolve(language, request.timeoutMs(), request.memoryMb(),
                request.compileTimeoutMs(), request.compileMemoryMb());
        Runtime runtime = languages.runtime(language)
                .orElseThrow(() -> new RuntimeNotReadyException(language.id()));
        Duration cpuTime = LimitsResolver.cpuTime("cpuTimeMs", request.cpuTimeMs(), caps.maxTimeout());
        Duration compileCpuTime = LimitsResolver.cpuTime("compileCpuTimeMs", request.compileCpuTimeMs(),
                caps.maxCompileTimeout());
        Plan plan = plan(runtime, program, input, args, resolved, cpuTime, compileCpuTime);

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
        CompletionStage<Report> run;
        try {
            run = sandbox.run(plan, control, onStart);
        } catch (RuntimeException e) {
            onStart.run();
            throw e;
        }
        return run
                .whenComplete((report, error) -> {
                    onStart.run();
                    if (error != null) {
                        control.cancel();
                    }
                })
                .thenApply(report -> OutcomeClassifier.classify(language.id(), runtime.version(), report, resolved))
                .whenComplete((outcome, error) -> {
                    if (outcome != null) {
                        metrics.executed(api, language.id(), outcome.status().name(), wallTime(outcome));
                        log.finished(outcome);
                    } else {
                        log.failed(error);
                    }
                });
    }

    private static Plan plan(Runtime runtime, Program program, byte[] input, List<String> args,
            LimitsResolver.Limits limits, Duration cpuTime, Duration compileCpuTime) {
        Language language = runtime.language();
        Step compile = language.compiled()
                ? new Step(Step.Kind.COMPILE, language.compileCommand(program.entry()), language.env(), new byte[0],
                        limits.compileTimeout(), compileCpuTime, limits.compileOutput())
                : null;
        List<String> command = new java.util.ArrayList<>(language.runCommand(program.entry()));
        command.addAll(args);
        Step run = new Step(Step.Kind.RUN, command, language.env(), input, limits.timeout(), cpuTime, limits.output());
        SessionSpec spec = new SessionSpec(language.id(), runtime.image(), compile != null ? limits.compile() : limits.run());
        return new Plan(spec, program.files(), compile, limits.run(), List.of(run));
    }

    private static Duration wallTime(Outcome outcome) {
        StepOutcome step = outcome.run() != null ? outcome.run() : outcome.compile();
        return Duration.ofMillis(step == null ? 0 : step.wallTimeMs());
    }

    /** A language became ready: its sandboxes with default limits may be kept warm. */
    void warm(@Observes Runtime runtime) {
        Language language = runtime.language();
        LimitsResolver.Limits defaults = limits.resolve(language, null, null, null, null);
        pool.keepWarm(new SessionSpec(language.id(), runtime.image(),
                language.compiled() ? defaults.compile() : defaults.run()));
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
