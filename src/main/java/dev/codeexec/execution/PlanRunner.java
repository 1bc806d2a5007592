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

    public PlanRunner(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Report run(Plan plan, RunControl control) {
        try (SandboxSession session = sandbox.open(plan.sandbox(), control)) {
            session.write(plan.files());
            StepResult compile = null;
            if (plan.compile() != null) {
                compile = session.execute(plan.compile());
                if (!succeeded(compile)) {
                    return new Report(compile, List.of(), session.warm());
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
            return new Report(compile, List.copyOf(runs), session.warm());
        }
    }

    static boolean succeeded(StepResult step) {
        return step.exitCode() == 0 && step.end() == StepResult.End.EXITED && !step.oomKilled();
    }
}
