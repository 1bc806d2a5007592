package dev.codeexec.execution;

import java.util.List;

/** The cases of a judged request counted up; the verdict is ACCEPTED or the first failing case's. */
public record Summary(int passed, int failed, int skipped, int total, Verdict verdict) {

    static Summary of(List<CaseOutcome> cases) {
        int passed = (int) cases.stream().filter(c -> c.verdict() == Verdict.ACCEPTED).count();
        int skipped = (int) cases.stream().filter(c -> c.verdict() == Verdict.SKIPPED).count();
        Verdict verdict = cases.stream().map(CaseOutcome::verdict)
                .filter(v -> v != Verdict.ACCEPTED && v != Verdict.SKIPPED).findFirst().orElse(Verdict.ACCEPTED);
        return new Summary(passed, cases.size() - passed - skipped, skipped, cases.size(), verdict);
    }
}
