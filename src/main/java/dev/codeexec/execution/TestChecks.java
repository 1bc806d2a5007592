package dev.codeexec.execution;

import dev.codeexec.config.LimitsConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The checks of a request's test cases, before it may take a run slot. */
final class TestChecks {

    static final int MAX_NAME_CHARS = 128;

    private TestChecks() {
    }

    /** The judging the request asks for, or null when it has no test cases. */
    static Judging check(Execution request, LimitsConfig caps, Duration timeout) {
        List<TestCase> tests = request.tests();
        if (tests == null) {
            if (request.compare() != null || request.tolerance() != null || request.stopOnFirstFailure() != null) {
                throw new InvalidExecutionException("compare, tolerance and stopOnFirstFailure need tests");
            }
            return null;
        }
        if (tests.isEmpty() || tests.size() > caps.maxTests()) {
            throw new InvalidExecutionException("tests must hold between 1 and " + caps.maxTests() + " cases");
        }
        if (request.input() != null) {
            throw new InvalidExecutionException("input cannot be combined with tests: give each test its own input");
        }
        long budget = caps.maxTotalRunTime().toMillis();
        if (tests.size() * timeout.toMillis() > budget) {
            throw new InvalidExecutionException("tests: " + tests.size() + " cases × " + timeout.toMillis() + " ms = "
                    + tests.size() * timeout.toMillis() + " ms is over the total run time of " + budget
                    + " ms; send fewer cases or a lower timeoutMs");
        }
        for (int i = 0; i < tests.size(); i++) {
            TestCase t = tests.get(i);
            String field = "tests[" + i + "]";
            if (t == null) {
                throw new InvalidExecutionException(field + " must be an object");
            }
            if (t.name() != null && t.name().length() > MAX_NAME_CHARS) {
                throw new InvalidExecutionException(field + ".name is longer than " + MAX_NAME_CHARS + " characters");
            }
            if (t.input() != null && t.input().getBytes(StandardCharsets.UTF_8).length > caps.input().asLongValue()) {
                throw new InvalidExecutionException(field + ".input is over the limit of " + caps.input().asLongValue()
                        + " bytes");
            }
            if (t.expectedOutput() != null
                    && t.expectedOutput().getBytes(StandardCharsets.UTF_8).length > caps.output().asLongValue()) {
                throw new InvalidExecutionException(field + ".expectedOutput is over the output limit of "
                        + caps.output().asLongValue() + " bytes");
            }
            if (t.args() != null) {
                RequestChecks.check(caps, new byte[0], t.args());
            }
        }
        Judge.Mode mode = Judge.mode(request.compare());
        double tolerance = request.tolerance() == null ? Judge.DEFAULT_TOLERANCE : request.tolerance();
        if (!(tolerance >= 0) || tolerance > 1e6) {
            throw new InvalidExecutionException("tolerance must be a number between 0 and 1000000");
        }
        return new Judging(List.copyOf(tests), mode, tolerance, Boolean.TRUE.equals(request.stopOnFirstFailure()),
                Boolean.TRUE.equals(request.judgeCombinedOutput()));
    }
}
