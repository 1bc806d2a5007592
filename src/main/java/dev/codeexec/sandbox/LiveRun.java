package dev.codeexec.sandbox;

import java.io.ByteArrayOutputStream;

/**
 * A run watched and fed while it runs: the sandbox tells the {@link Watcher} of each step's start,
 * output (as the program writes it) and end, and takes the client's input and signals through the
 * {@link Port} of the step that runs. Input that comes before the run step (while queued or
 * compiling) waits here; all input of a run together is capped, so nothing a client sends is
 * buffered without bound. A signal that comes while no step runs goes to the next step.
 */
public final class LiveRun {

    /** Hears the run as it happens, on the sandbox's threads, in order; must not block. */
    public interface Watcher {
        void started(Step.Kind stage);

        void output(Step.Kind stage, boolean stderr, byte[] data);

        void ended(Step.Kind stage, StepResult result);
    }

    /** Where a running step's input and signals go (its sandbox attaches one while it runs). */
    public interface Port {
        void stdin(byte[] data);

        void endOfInput();

        void signal(int number);
    }

    private final Watcher watcher;
    private final long inputCap;
    private final ByteArrayOutputStream waiting = new ByteArrayOutputStream();
    private long taken;
    private boolean endOfInput;
    private int pendingSignal;
    private Port port;
    private boolean running;

    /** {@code inputCap}: the most stdin bytes the run takes in all (its request's input included). */
    public LiveRun(Watcher watcher, long inputCap) {
        this.watcher = watcher;
        this.inputCap = inputCap;
    }

    public Watcher watcher() {
        return watcher;
    }

    /** More input; false (nothing taken) past the cap or after the end of input. */
    public synchronized boolean stdin(byte[] data) {
        if (endOfInput || data.length > inputCap - taken) {
            return false;
        }
        taken += data.length;
        if (running) {
            port.stdin(data);
        } else {
            waiting.writeBytes(data);
        }
        return true;
    }

    /** The program's stdin ends once what came before is written. */
    public synchronized void endOfInput() {
        if (!endOfInput) {
            endOfInput = true;
            if (running) {
                port.endOfInput();
            }
        }
    }

    /** A signal for the running step (or the next one). */
    public synchronized void signal(int number) {
        if (port != null) {
            port.signal(number);
        } else {
            pendingSignal = number;
        }
    }

    /** The sandbox: a step of this kind runs now, fed through the port until {@link #detach}. */
    public synchronized void attach(Step.Kind kind, Port to) {
        port = to;
        running = kind != Step.Kind.COMPILE;
        if (running) {
            if (waiting.size() > 0) {
                to.stdin(waiting.toByteArray());
                waiting.reset();
            }
            if (endOfInput) {
                to.endOfInput();
            }
        }
        if (pendingSignal != 0) {
            to.signal(pendingSignal);
            pendingSignal = 0;
        }
    }

    /** The step has ended: nothing more reaches its sandbox. */
    public synchronized void detach() {
        port = null;
        running = false;
    }
}
