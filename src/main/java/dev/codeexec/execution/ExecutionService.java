package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.language.Language;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.RunControl;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a request: the {@link Planner} plans it, {@link RunSlots} runs the plan guarded, the result is classified and counted. */
@ApplicationScoped
public class ExecutionService {

    private final Planner planner;
    private final RunSlots slots;
    private final Metrics metrics;
    private final ShutdownGate gate;
    private final CurrentRunHold hold;

    public ExecutionService(Planner planner, RunSlots slots, CodeExecConfig config, Metrics metrics, ShutdownGate gate,
            CurrentRunHold hold) {
        this.planner = planner;
        this.hold = hold;
        this.gate = gate;
        this.slots = slots;
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
        return run(request, api, null);
    }

    /** Plans the request without running it: what is wrong with it fails here as it would in {@link #run}. */
    public void check(Execution request) {
        planner.plan(request);
    }

    /**
     * The same for a live run: its steps are told to {@code live}'s watcher as they happen, and take
     * its input and signals (see {@link LiveRun}); the outcome is the one a batch run would have.
     */
    public Uni<Outcome> run(Execution request, Metrics.Api api, LiveRun live) {
        return run(request, api, live, null);
    }

    /** {@code held}: what the run holds for its client until it is over; null: the current HTTP request's. */
    public Uni<Outcome> run(Execution request, Metrics.Api api, LiveRun live, RunHold held) {
        RunControl control = new RunControl(live);
        return Uni.createFrom().completionStage(() -> execute(request, control, api,
                        held != null ? held : CurrentRunHold.of(hold)))
                .onCancellation().invoke(control::cancel);
    }

    private CompletionStage<Outcome> execute(Execution request, RunControl control, Metrics.Api api, RunHold held) {
        Planner.Planned planned = planner.plan(request);
        Language language = planned.language();

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
        held.runStarted();
        CompletionStage<PlanResult> run;
        try {
            run = slots.run(planned.plan(), control, onStart);
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
                .thenApply(report -> OutcomeClassifier.classify(language.id(), planned.runtime().version(), report,
                        planned.limits(), planned.judging()))
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

    private static Duration wallTime(Outcome outcome) {
        long ms = outcome.run() != null ? outcome.run().wallTimeMs() : 0;
        if (outcome.tests() != null) {
            ms = outcome.tests().stream().filter(c -> c.run() != null).mapToLong(c -> c.run().wallTimeMs()).sum();
        }
        return Duration.ofMillis(ms);
    }
}
