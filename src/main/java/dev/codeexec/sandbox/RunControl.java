package dev.codeexec.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets the party that asked for a run stop it early, e.g. when the client disconnects: the run's
 * container is killed, which frees its slot, and is removed as always.
 */
public final class RunControl {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;
    private boolean finished;

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
