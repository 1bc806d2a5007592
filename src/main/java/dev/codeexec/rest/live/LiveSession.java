package dev.codeexec.rest.live;

import dev.codeexec.execution.Execution;
import dev.codeexec.execution.Outcome;
import dev.codeexec.execution.RunHold;
import dev.codeexec.execution.Signals;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import io.smallrye.mutiny.subscription.Cancellable;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One live run, whatever channel carries it (our WebSocket, Piston's, an event stream): it starts
 * the run on the one request path, turns what the sandbox reports into text events for its
 * {@link Events}, passes the client's input and signals on, and ends the run when the channel
 * closes. A client's live runs count against its runs in flight until each is over.
 */
public final class LiveSession implements LiveRun.Watcher, LiveChannel.Controls {

    /**
     * How one channel tells its client what happens, in order, never after {@link #finished} or
     * {@link #failed}; a stage is "compile" or "run".
     */
    public interface Events {
        void stage(String stage);

        void output(String stage, boolean stderr, String text);

        /** The stage's program ended: its exit code, or (code null) the signal that ended it. */
        void ended(String stage, Integer code, String signal);

        /** The run is over: its answer, as POST /run would give it. */
        void finished(Outcome outcome);

        /** The run was refused or failed: the HTTP status and detail POST /run would answer. */
        void failed(int status, String message);
    }

    private final LiveRuns runs;
    private final Events events;
    private final String client;
    private final Utf8Stream stdout = new Utf8Stream();
    private final Utf8Stream stderr = new Utf8Stream();
    private LiveRun live;
    private Cancellable run;
    private RunHold hold;
    private boolean over;
    private boolean counted;
    private boolean closed;
    private long programStarted;
    private boolean outputSeen;

    /** {@code client}: whose run counts (null when its channel counted it already, as a POST does). */
    LiveSession(LiveRuns runs, Events events, String client) {
        this.runs = runs;
        this.events = events;
        this.client = client;
    }

    public synchronized boolean started() {
        return live != null;
    }

    /** Starts the run, or refuses it through {@link Events#failed}. */
    public void start(Execution execution, Metrics.Api api) {
        String refusal = null;
        synchronized (this) {
            if (live != null || over) {
                return;
            }
            long input = execution.input() == null ? 0 : execution.input().getBytes(StandardCharsets.UTF_8).length;
            live = new LiveRun(this, Math.max(0, runs.inputCap() - input));
            if (client != null) {
                refusal = runs.admit(client);
                if (refusal == null) {
                    hold = new RunHold(() -> runs.release(client));
                }
            }
        }
        if (refusal != null) {
            fail(429, refusal);
            return;
        }
        synchronized (this) {
            counted = true;
        }
        runs.metrics().liveSessions(1);
        Cancellable started = runs.executions().run(execution, api, live, hold == null ? RunHold.NONE : hold)
                .subscribe().with(this::finish, this::fail);
        boolean closedMeanwhile;
        synchronized (this) {
            closedMeanwhile = closed;
            run = closed ? null : started;
        }
        if (closedMeanwhile) {
            started.cancel(); // the channel closed while the run was being started
        }
    }

    /** More input for the program; false when it would pass the run's input cap (or came after its end). */
    @Override
    public boolean stdin(String data) {
        LiveRun l = current();
        return l != null && l.stdin(data.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void endOfInput() {
        LiveRun l = current();
        if (l != null) {
            l.endOfInput();
        }
    }

    @Override
    public void signal(int number) {
        LiveRun l = current();
        if (l != null) {
            l.signal(number);
        }
    }

    /** The channel closed: the run (if it still runs) is cancelled, so its sandbox goes now. */
    public void close() {
        Cancellable toCancel;
        RunHold held;
        synchronized (this) {
            over = true;
            closed = true;
            toCancel = run;
            run = null;
            held = hold;
            hold = null;
        }
        uncount();
        if (toCancel != null) {
            toCancel.cancel();
        }
        if (held != null) {
            held.exchangeOver();
        }
    }

    /** The live-session count drops once, at the run's end or the channel's close, whichever comes first. */
    private void uncount() {
        synchronized (this) {
            if (!counted) {
                return;
            }
            counted = false;
        }
        runs.metrics().liveSessions(-1);
    }

    private synchronized LiveRun current() {
        return over ? null : live;
    }

    private void finish(Outcome outcome) {
        if (end()) {
            events.finished(outcome);
        }
    }

    private void fail(Throwable error) {
        fail(runs.answer(error).getStatus(), runs.answerOf(error));
    }

    private void fail(int status, String message) {
        if (end()) {
            events.failed(status, message);
        }
    }

    /** True for the first end of the run (its answer or failure), which is then told. */
    private boolean end() {
        synchronized (this) {
            if (over) {
                return false;
            }
            over = true;
        }
        uncount();
        return true;
    }

    @Override
    public void started(Step.Kind stage) {
        if (stage != Step.Kind.COMPILE) {
            programStarted = System.nanoTime();
        }
        events.stage(name(stage));
    }

    @Override
    public void output(Step.Kind stage, boolean isStderr, byte[] data) {
        String text = (isStderr ? stderr : stdout).next(data);
        if (!text.isEmpty()) {
            if (stage != Step.Kind.COMPILE && !outputSeen) {
                outputSeen = true;
                runs.metrics().liveFirstOutput(System.nanoTime() - programStarted);
            }
            events.output(name(stage), isStderr, text);
        }
    }

    @Override
    public void ended(Step.Kind stage, StepResult result) {
        String out = stdout.end();
        if (!out.isEmpty()) {
            events.output(name(stage), false, out);
        }
        String err = stderr.end();
        if (!err.isEmpty()) {
            events.output(name(stage), true, err);
        }
        boolean signalled = result.signal() > 0;
        events.ended(name(stage), signalled ? null : result.exitCode(), Signals.name(result.signal()));
    }

    private static String name(Step.Kind stage) {
        return stage == Step.Kind.COMPILE ? "compile" : "run"; // a session's command is its run
    }
}
