package dev.codeexec.execution;

/**
 * What a client's request holds (its place in the client's in-flight count) until both its exchange
 * and every run it started are over. A client that goes away while its run is queued or running
 * ends the exchange first; its count is released only when the cancelled run has left the queue or
 * its sandbox is gone, so leaving and asking again cannot stack runs past the client's cap.
 */
public final class RunHold {

    /** Holds nothing: for runs started outside an HTTP request (tests, internal callers). */
    public static final RunHold NONE = new RunHold(() -> {
    });

    private final Runnable release;
    private boolean exchangeOver;
    private int runs;
    private boolean released;

    public RunHold(Runnable release) {
        this.release = release;
    }

    /** A run of this request was handed to the sandbox. */
    public synchronized void runStarted() {
        runs++;
    }

    /** A run of this request is over (answered, failed, refused or cancelled). */
    public void runOver() {
        synchronized (this) {
            runs--;
        }
        releaseWhenDone();
    }

    /** The client's exchange ended: answered, failed or closed by the client. */
    public void exchangeOver() {
        synchronized (this) {
            exchangeOver = true;
        }
        releaseWhenDone();
    }

    private void releaseWhenDone() {
        synchronized (this) {
            if (released || !exchangeOver || runs > 0) {
                return;
            }
            released = true;
        }
        release.run();
    }
}
