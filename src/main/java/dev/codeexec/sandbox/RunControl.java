package dev.codeexec.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets the party that asked for a run stop it early, e.g. when the client disconnects: the run's
 * container is killed, which frees its slot, and is removed as always. A live run also carries
 * its {@link LiveRun}: the sandbox streams to it and takes input from it.
 */
public final class RunControl {

    private final List<Runnable> actions = new ArrayList<>();
    private final LiveRun live;
    private boolean cancelled;
    private boolean finished;

    /** A batch run. */
    public RunControl() {
        this(null);
    }

    public RunControl(LiveRun live) {
        this.live = live;
    }

    /** The live channel, or null for a batch run. */
    public LiveRun live() {
        return live;
    }

    /** Cancels the run; actions registered before or after run exactly once. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled || finished) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    /** The run is over: a later cancel (e.g. the client closing its connection) does nothing. */
    public synchronized void finished() {
        finished = true;
        actions.clear();
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Runs the action when the run is cancelled, or now if it already is. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
