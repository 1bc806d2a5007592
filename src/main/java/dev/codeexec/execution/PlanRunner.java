package dev.codeexec.execution;

import dev.codeexec.sandbox.MemoryInUseException;
import dev.codeexec.sandbox.Outputs;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.SandboxUnavailableException;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a plan in one fresh sandbox: writes the files, compiles (if the language does), and
 * when that succeeded lowers the sandbox to the program's limits and runs each run step (each in
 * places of its own: see the launcher's places.h) until the plan says stop. When a
 * step cost the sandbox (its launcher missed the deadline, so the container was killed and the
 * step is a TIMEOUT), the steps after it go on in a fresh sandbox with the same program.
 */
@ApplicationScoped
public class PlanRunner {

    private final Sandbox sandbox;
    private final CompileCache cache;

    public PlanRunner(Sandbox sandbox, CompileCache cache) {
        this.sandbox = sandbox;
        this.cache = cache;
    }

    PlanResult run(Plan plan, RunControl control) {
        OutputBudget budget = new OutputBudget(plan.outputBudget());
        SandboxSession session = sandbox.open(plan.sandbox(), control);
        try {
            boolean warm = session.warm();
            StepResult compile = null;
            boolean cached = false;
            List<SandboxFile> artefacts = List.of();
            if (plan.compile() == null) {
                session.write(plan.files());
            } else {
                var kept = cache.find(plan.compileKey());
                cached = kept.isPresent();
                if (cached) {
                    // Compiled before: its artefacts go in as they came out, and the compiler is skipped.
                    artefacts = kept.get().files();
                    session.write(artefacts);
                    compile = kept.get().compile();
                    replay(control.live(), compile);
                } else {
                    session.write(plan.files());
                    compile = watched(session, plan.compile(), control.live());
                    if (!succeeded(compile)) {
                        return new PlanResult(budget.keep(compile), false, List.of(), warm);
                    }
                    artefacts = plan.compileKey() == null ? List.of() : session.pack();
                    cache.keep(plan.compileKey(), artefacts, compile);
                }
                compile = budget.keep(compile);
                try {
                    session.limit(plan.runLimits());
                } catch (MemoryInUseException e) {
                    return outOfMemory(plan, compile, cached, warm);
                }
            }
            List<StepResult> runs = new ArrayList<>();
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < plan.runs().size(); i++) {
                if (!session.usable()) {
                    SandboxSession lost = session;
                    session = null;
                    lost.close();
                    session = reopen(plan, control, artefacts);
                }
                StepResult result = watched(session, plan.runs().get(i), control.live());
                Verdict verdict = plan.judge() == null ? null : plan.judge().apply(i, result);
                runs.add(budget.keep(result));
                if (verdict != null) {
                    verdicts.add(verdict);
                }
                if (plan.stopOnFirstFailure() && verdict != Verdict.ACCEPTED) {
                    break;
                }
            }
            Outputs outputs = plan.outputs() == null ? null : !session.usable() ? new Outputs(List.of(), true)
                    : session.outputs(plan.outputs().patterns(), plan.outputs().files(), plan.outputs().bytes());
            return new PlanResult(compile, cached, List.copyOf(runs), List.copyOf(verdicts), warm, outputs);
        } finally {
            if (session != null) {
                session.close();
            }
            control.finished();
        }
    }

    /**
     * What the compile left in the sandbox (its working directory is memory) already holds more
     * than the run's memory limit: no run can start, and each is answered MEMORY_LIMIT with its
     * verdict, as a program that ran out of memory at once would be.
     */
    private static PlanResult outOfMemory(Plan plan, StepResult compile, boolean cached, boolean warm) {
        StepResult none = new StepResult(0, 0, StepResult.End.EXITED, true,
                new StepResult.Output(new byte[0], new byte[0], new byte[0]), Duration.ZERO, Duration.ZERO, 0);
        List<StepResult> runs = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            runs.add(none);
            if (plan.judge() != null) {
                verdicts.add(plan.judge().apply(i, none));
            }
            if (plan.stopOnFirstFailure()) {
                break;
            }
        }
        return new PlanResult(compile, cached, List.copyOf(runs), List.copyOf(verdicts), warm);
    }

    /** A fresh sandbox holding the program as the lost one did: its artefacts, or its files compiled again. */
    private SandboxSession reopen(Plan plan, RunControl control, List<SandboxFile> artefacts) {
        SandboxSession session = sandbox.open(plan.sandbox(), control);
        try {
            if (plan.compile() == null) {
                session.write(plan.files());
                return session;
            }
            if (!artefacts.isEmpty()) {
                session.write(artefacts);
            } else {
                session.write(plan.files());
                if (!succeeded(session.execute(plan.compile()))) {
                    throw new SandboxUnavailableException("the program did not compile again in a fresh sandbox", null);
                }
            }
            session.limit(plan.runLimits());
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Runs the step, telling a live run's watcher when it starts and ends (its output goes there as it comes). */
    private static StepResult watched(SandboxSession session, Step step, LiveRun live) {
        if (live == null) {
            return session.execute(step);
        }
        live.watcher().started(step.kind());
        StepResult result = session.execute(step);
        live.watcher().ended(step.kind(), result);
        return result;
    }

    /** A compile the cache answered: a live run's watcher hears it as if it had run now. */
    private static void replay(LiveRun live, StepResult compile) {
        if (live == null) {
            return;
        }
        live.watcher().started(Step.Kind.COMPILE);
        if (compile.output().stdout().length > 0) {
            live.watcher().output(Step.Kind.COMPILE, false, compile.output().stdout());
        }
        if (compile.output().stderr().length > 0) {
            live.watcher().output(Step.Kind.COMPILE, true, compile.output().stderr());
        }
        live.watcher().ended(Step.Kind.COMPILE, compile);
    }

    static boolean succeeded(StepResult step) {
        return step.exitCode() == 0 && step.end() == StepResult.End.EXITED && !step.oomKilled();
    }
}
