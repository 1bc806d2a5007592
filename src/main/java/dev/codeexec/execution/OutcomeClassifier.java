package dev.codeexec.execution;

import dev.codeexec.sandbox.StepResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns what the sandbox saw into the API's statuses, messages and texts. */
final class OutcomeClassifier {

    private OutcomeClassifier() {
    }

    static Outcome classify(String language, String version, PlanResult report, LimitsResolver.Limits limits) {
        return classify(language, version, report, limits, null);
    }

    /** With {@code judging} (test cases), each run is a case, judged against its expected output. */
    static Outcome classify(String language, String version, PlanResult report, LimitsResolver.Limits limits,
            Judging judging) {
        StepOutcome compile = report.compile() == null ? null : step(report.compile(), limits.compileTimeout(),
                limits.compile().memoryBytes(), limits.compileOutput(), true);
        if (compile != null && report.cached()) {
            // Nothing was compiled now: the earlier compilation's output, no time spent.
            compile = new StepOutcome(compile.status(), compile.exitCode(), compile.signal(), compile.stdout(),
                    compile.stderr(), compile.output(), compile.message(), compile.truncated(), 0, 0, 0, true);
        }
        if (compile != null && compile.status() != RunStatus.OK) {
            String message = compileMessage(compile);
            if (judging != null) {
                Summary none = new Summary(0, judging.cases().size(), 0, judging.cases().size(), Verdict.COMPILE_ERROR);
                return new Outcome(language, version, Verdict.COMPILE_ERROR.name(), message, null, compile, List.of(),
                        none, report.warm());
            }
            return new Outcome(language, version, compile.status().name(), message, null, compile, null, null,
                    report.warm());
        }
        if (judging != null) {
            List<CaseOutcome> cases = new ArrayList<>();
            for (int i = 0; i < judging.cases().size(); i++) {
                TestCase c = judging.cases().get(i);
                String name = c.name() != null ? c.name() : "case " + (i + 1);
                if (i >= report.runs().size()) {
                    cases.add(new CaseOutcome(name, Verdict.SKIPPED, null));
                    continue;
                }
                StepOutcome run = run(report.runs().get(i), limits);
                // Judged when it ran, on all its output; what the answer keeps may be cut.
                Verdict verdict = i < report.verdicts().size() ? report.verdicts().get(i) : judging.verdict(i, run);
                cases.add(new CaseOutcome(name, verdict, run));
            }
            Summary summary = Summary.of(cases);
            return new Outcome(language, version, summary.verdict().name(), summary.passed() + " of "
                    + summary.total() + " cases passed", null, compile, List.copyOf(cases), summary, report.warm());
        }
        StepOutcome run = run(report.runs().get(0), limits);
        return new Outcome(language, version, run.status().name(), run.message(), run, compile, null, null,
                report.warm(), report.outputs());
    }

    static StepOutcome run(StepResult result, LimitsResolver.Limits limits) {
        return step(result, limits.timeout(), limits.run().memoryBytes(), limits.output(), false);
    }

    /** What a failed compilation says: the compiler's output, or why it was stopped. */
    static String compileMessage(StepOutcome compile) {
        return compile.status() == RunStatus.COMPILE_ERROR ? compile.output() : "Compilation: " + compile.message();
    }

    static StepOutcome step(StepResult r, Duration timeout, long memoryBytes, long outputCap, boolean compile) {
        String combined = text(r.output().combined());
        RunStatus status;
        String message;
        if (r.end() == StepResult.End.OUTPUT_LIMIT) {
            status = RunStatus.OUTPUT_LIMIT;
            message = "Output limit of " + size(outputCap) + " exceeded";
        } else if (r.end() == StepResult.End.TIMEOUT) {
            status = RunStatus.TIMEOUT;
            message = "Timeout of " + timeout.toMillis() + " ms exceeded";
        } else if (r.end() == StepResult.End.CPU_LIMIT) {
            status = RunStatus.TIMEOUT;
            message = "CPU time limit exceeded";
        } else if (r.oomKilled()) {
            status = RunStatus.MEMORY_LIMIT;
            message = "Memory limit of " + size(memoryBytes) + " exceeded";
        } else if (r.exitCode() == 0) {
            status = RunStatus.OK;
            message = combined;
        } else {
            status = compile ? RunStatus.COMPILE_ERROR : RunStatus.RUNTIME_ERROR;
            message = combined;
        }
        return new StepOutcome(status, r.exitCode(), Signals.name(r.signal()), text(r.output().stdout()),
                text(r.output().stderr()), combined, message, r.end() == StepResult.End.OUTPUT_LIMIT || r.output().cut(),
                r.wallTime().toMillis(), r.cpuTime().toMillis(), r.memoryKb(), false);
    }

    /** Bytes as UTF-8 text; invalid sequences become U+FFFD. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** 1048576 → "1 MiB", 134217728 → "128 MiB", 1536 → "1536 bytes". */
    static String size(long bytes) {
        if (bytes % LimitsResolver.MIB == 0) {
            return bytes / LimitsResolver.MIB + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
