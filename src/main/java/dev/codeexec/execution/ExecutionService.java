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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import dev.codeexec.sandbox.StepResult;
import java.util.concurrent.CompletableFuture;
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
    private final CompileCache cache;
    private final CurrentRunHold hold;

    public ExecutionService(LanguageRegistry languages, LimitsResolver limits, GuardedSandbox sandbox,
            CodeExecConfig config, Metrics metrics, ShutdownGate gate, WarmPool pool, CompileCache cache,
            CurrentRunHold hold) {
        this.hold = hold;
        this.cache = cache;
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
     * Runs the request for a client of the given API. Invalid requests fail at once (before taking a
     * slot). Cancelling the Uni (RESTEasy does when the client goes away: its connection or its
     * HTTP/2 stream) cancels the run, so its sandbox is killed now rather than at the deadline. When
     * the outer guard gives up, the run is cancelled too, so its sandbox is killed and its slot freed.
     */
    public Uni<Outcome> run(Execution request, Metrics.Api api) {
        RunControl control = new RunControl();
        return Uni.createFrom().completionStage(() -> execute(request, control, api))
                .onCancellation().invoke(control::cancel);
    }

    private CompletionStage<Outcome> execute(Execution request, RunControl control, Metrics.Api api) {
        Language language = languages.find(request.language())
                .orElseThrow(() -> new UnsupportedLanguageException(languages.names()));
        Program program = Program.of(request, language, caps);
        byte[] input = utf8(request.input());
        List<String> args = request.args() == null ? List.of() : request.args();
        RequestChecks.check(caps, input, args);
        LimitsResolver.Limits resolved = limits.resolve(language, request);
        Judging judging = TestChecks.check(request, caps, resolved.timeout());
        Runtime runtime = languages.runtime(language)
                .orElseThrow(() -> new RuntimeNotReadyException(language.id()));
        Plan plan = plan(runtime, program, input, args, resolved, judging);

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
        RunHold held = CurrentRunHold.of(hold);
        held.runStarted();
        CompletionStage<Report> run;
        try {
            run = sandbox.run(plan, control, onStart);
        } catch (RuntimeException e) {
            onStart.run();
            held.runOver();
            throw e;
        }
        CompletableFuture<Outcome> done = run
                .whenComplete((report, error) -> {
                    onStart.run();
                    held.runOver();
                    if (error != null) {
                        control.cancel();
                    }
                })
                .thenApply(report -> OutcomeClassifier.classify(language.id(), runtime.version(), report, resolved,
                        judging))
                .whenComplete((outcome, error) -> {
                    if (outcome != null) {
                        metrics.executed(api, language.id(), outcome.status(), wallTime(outcome));
                        if (outcome.tests() != null) {
                            outcome.tests().forEach(c -> metrics.verdict(language.id(), c.verdict().name()));
                        }
                        log.finished(outcome);
                    } else {
                        log.failed(error);
                    }
                }).toCompletableFuture();
        // Callers may cancel what they get (Mutiny does when the client goes away); a cancelled
        // stage would skip the bookkeeping above, so they get a copy.
        return done.copy();
    }

    private Plan plan(Runtime runtime, Program program, byte[] input, List<String> args,
            LimitsResolver.Limits limits, Judging judging) {
        Language language = runtime.language();
        Step compile = language.compiled()
                ? new Step(Step.Kind.COMPILE, language.compileCommand(program.entry()), language.env(), new byte[0],
                        limits.compileTimeout(), limits.compileCpuTime(), limits.compileOutput())
                : null;
        List<Step> runs = new ArrayList<>();
        if (judging == null) {
            runs.add(run(language, program, args, input, limits));
        } else {
            for (TestCase c : judging.cases()) {
                runs.add(run(language, program, c.args() != null ? c.args() : args, utf8(c.input()), limits));
            }
        }
        BiFunction<Integer, StepResult, Verdict> judge = judging == null ? null
                : (i, r) -> judging.verdict(i, OutcomeClassifier.run(r, limits));
        SessionSpec spec = new SessionSpec(language.id(), runtime.image(), compile != null ? limits.compile() : limits.run(),
                preload(language));
        String key = compile == null ? null : cache.key(runtime.image(), compile, limits.compile(), program.files());
        return new Plan(spec, program.files(), compile, key, limits.run(), List.copyOf(runs), judge,
                judging != null && judging.stopOnFirstFailure(), caps.maxRequestOutput().asLongValue());
    }

    private static Step run(Language language, Program program, List<String> args, byte[] input,
            LimitsResolver.Limits limits) {
        List<String> command = new ArrayList<>(language.runCommand(program.entry()));
        command.addAll(args);
        return new Step(Step.Kind.RUN, command, language.env(), input, limits.timeout(), limits.cpuTime(), limits.output());
    }

    private static Duration wallTime(Outcome outcome) {
        long ms = outcome.run() != null ? outcome.run().wallTimeMs() : 0;
        if (outcome.tests() != null) {
            ms = outcome.tests().stream().filter(c -> c.run() != null).mapToLong(c -> c.run().wallTimeMs()).sum();
        }
        return Duration.ofMillis(ms);
    }

    /** A language became ready: its sandboxes with default limits may be kept warm. */
    void warm(@Observes Runtime runtime) {
        Language language = runtime.language();
        LimitsResolver.Limits defaults = limits.defaults(language);
        pool.keepWarm(new SessionSpec(language.id(), runtime.image(),
                language.compiled() ? defaults.compile() : defaults.run(), preload(language)));
    }

    /** The language's loader, started with the sandbox (interpreted languages that have one). */
    private static SessionSpec.Preload preload(Language language) {
        return language.preload().isEmpty() || language.compiled() ? null
                : new SessionSpec.Preload(language.preload(), language.env());
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
