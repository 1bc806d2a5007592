package dev.codeexec.execution;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The one log line of a run, as key=value pairs: id, language, status, exit code and durations
 * (queue wait, program wall time, total). Never the program's code, input or output.
 */
final class RunLog {

    private static final Logger LOG = Logger.getLogger("dev.codeexec.run");

    private final String id;
    private final String language;
    private final long submitted;
    private volatile long started;

    RunLog(String id, String language, long submitted) {
        this.id = id;
        this.language = language;
        this.submitted = submitted;
    }

    static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffffL);
    }

    void started() {
        started = System.nanoTime();
    }

    void finished(Outcome outcome) {
        long now = System.nanoTime();
        StepOutcome step = outcome.run() != null ? outcome.run() : outcome.compile();
        String cases = outcome.summary() == null ? "" : " cases=" + outcome.summary().total() + " passed="
                + outcome.summary().passed();
        LOG.infof("run id=%s language=%s status=%s%s exit=%d container=%s compile_ms=%d wall_ms=%d queue_ms=%d total_ms=%d",
                id, language, outcome.status(), cases, step == null ? -1 : step.exitCode(), outcome.warm() ? "warm" : "cold",
                outcome.compile() == null ? 0 : outcome.compile().wallTimeMs(),
                outcome.run() == null ? 0 : outcome.run().wallTimeMs(), millis(submitted, started), millis(submitted, now));
    }

    void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.infof("run id=%s language=%s error=%s queue_ms=%d total_ms=%d", id, language,
                cause.getClass().getSimpleName(), started == 0 ? millis(submitted, System.nanoTime())
                        : millis(submitted, started), millis(submitted, System.nanoTime()));
    }

    private static long millis(long from, long to) {
        return to <= from ? 0 : (to - from) / 1_000_000;
    }
}
