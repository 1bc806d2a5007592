package dev.codeexec.execution;

import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a plan in one fresh sandbox: writes the files, compiles (if the language does), and
 * when that succeeded lowers the sandbox to the program's limits and runs each run step (the
 * launcher clears what one step left before the next starts) until the plan says stop.
 */
@ApplicationScoped
public class PlanRunner {

    private final Sandbox sandbox;
    private final CompileCache cache;

    public PlanRunner(Sandbox sandbox, CompileCache cache) {
        this.sandbox = sandbox;
        this.cache = cache;
    }

    Report run(Plan plan, RunControl control) {
        try (SandboxSession session = sandbox.open(plan.sandbox(), control)) {
            StepResult compile = null;
            boolean cached = false;
            if (plan.compile() == null) {
                session.write(plan.files());
            } else {
                var kept = cache.find(plan.compileKey());
                cached = kept.isPresent();
                if (cached) {
                    // Compiled before: its artefacts go in as they came out, and the compiler is skipped.
                    session.write(kept.get().files());
                    compile = kept.get().compile();
                } else {
                    session.write(plan.files());
                    compile = session.execute(plan.compile());
                    if (!succeeded(compile)) {
                        return new Report(compile, false, List.of(), session.warm());
                    }
                    cache.keep(plan.compileKey(), plan.compileKey() == null ? List.of() : session.pack(), compile);
                }
                session.limit(plan.runLimits());
            }
            List<StepResult> runs = new ArrayList<>();
            for (int i = 0; i < plan.runs().size(); i++) {
                StepResult result = session.execute(plan.runs().get(i));
                runs.add(result);
                if (!plan.proceed().test(i, result)) {
                    break;
                }
            }
            return new Report(compile, cached, List.copyOf(runs), session.warm());
        }
    }

    static boolean succeeded(StepResult step) {
        return step.exitCode() == 0 && step.end() == StepResult.End.EXITED && !step.oomKilled();
    }
}
