package dev.codeexec.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One REPL context of a session: a kernel (kernels/*) running as a live step on a launcher of the
 * session's sandbox for as long as the context lives, so names defined by one cell exist in the
 * next. A cell is sent as a JSON line on the kernel's stdin; its events come back as JSON lines on
 * stdout (anything else there is output too), its stderr is the cell's. One cell at a time.
 */
final class Kernel implements LiveRun.Watcher {

    private static final Logger LOG = Logger.getLogger(Kernel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long an interrupted cell (SIGINT at its time limit) may take to end before its REPL goes. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    private static final int SIGINT = 2;

    private final RunControl control;
    private final LiveRun live;
    private final CompletableFuture<Void> over = new CompletableFuture<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Running cell;

    private Kernel() {
        this.live = new LiveRun(this, Long.MAX_VALUE);
        this.control = new RunControl(live);
    }

    /** Starts a kernel (its step) on a launcher of the session's sandbox; it runs until closed or its end. */
    static Kernel start(Session session, Step step) {
        Kernel kernel = new Kernel();
        SandboxSession launcher = session.sandbox().channel(kernel.control);
        Thread thread = new Thread(() -> {
            try (launcher) {
                StepResult result = launcher.execute(step);
                LOG.debugf("REPL of session %s ended: exit %d", session.id(), result.exitCode());
            } catch (RuntimeException e) {
                LOG.debugf("REPL of session %s ended: %s", session.id(), e.getMessage());
            } finally {
                kernel.ended();
            }
        }, "repl-" + session.id());
        thread.setDaemon(true);
        thread.start();
        return kernel;
    }

    boolean alive() {
        return !over.isDone();
    }

    /** Hears a cell's output as it comes ({@code stderr} or stdout), on the sandbox's thread; must not block. */
    interface Listener {
        void output(boolean stderr, String text);
    }

    /** Runs one cell: its events until the kernel says done, or its time or output runs out. */
    Cell run(String code, Duration timeout, long outputCap, Listener listener) {
        Running running;
        synchronized (this) {
            if (!alive()) {
                return new Running(outputCap, listener).cell(Cell.End.REPL_ENDED);
            }
            running = new Running(outputCap, listener);
            cell = running;
        }
        String message = JsonNodeFactory.instance.objectNode().put("code", code).toString() + "\n";
        live.stdin(message.getBytes(StandardCharsets.UTF_8));
        try {
            return running.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            live.signal(SIGINT);
            try {
                Cell interrupted = running.done.get(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return running.cell(Cell.End.TIMEOUT, interrupted.error());
            } catch (TimeoutException | ExecutionException stuck) {
                close(); // the cell would not stop: its REPL goes, and the next cell gets a new one
                return running.cell(Cell.End.TIMEOUT);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return running.cell(Cell.End.TIMEOUT);
            }
        } catch (ExecutionException e) {
            return running.cell(Cell.End.REPL_ENDED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return running.cell(Cell.End.REPL_ENDED);
        } finally {
            synchronized (this) {
                cell = null;
            }
        }
    }

    void close() {
        control.cancel();
    }

    private void ended() {
        over.complete(null);
        Running running;
        synchronized (this) {
            running = cell;
        }
        if (running != null) {
            running.done.complete(running.cell(Cell.End.REPL_ENDED));
        }
    }

    @Override
    public void started(Step.Kind stage) {
    }

    @Override
    public synchronized void output(Step.Kind stage, boolean stderr, byte[] data) {
        if (stderr) {
            if (cell != null) {
                cell.text(false, new String(data, StandardCharsets.UTF_8));
            }
            return;
        }
        for (byte b : data) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (cell != null) {
                cell.line(text);
            }
        }
    }

    @Override
    public void ended(Step.Kind stage, StepResult result) {
    }

    /** The cell being run: what its events said so far. */
    private final class Running {
        private final long cap;
        private final Listener listener;
        private final long started = System.nanoTime();
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();
        private final StringBuilder output = new StringBuilder();
        private final List<String> images = new ArrayList<>();
        private final CompletableFuture<Cell> done = new CompletableFuture<>();
        private String result;
        private Cell.Error error;
        private long kept;
        private boolean cut;

        Running(long cap, Listener listener) {
            this.cap = cap;
            this.listener = listener;
        }

        /** One line of the kernel's stdout: an event, or output of the cell's own (a subprocess's). */
        void line(String text) {
            JsonNode event = parse(text);
            if (event == null) {
                text(true, text + "\n");
                return;
            }
            switch (event.path("t").asText()) {
                case "out" -> text(true, event.path("s").asText());
                case "err" -> text(false, event.path("s").asText());
                case "result" -> result = event.path("text").asText();
                case "png" -> keep(event.path("data").asText(), images);
                case "error" -> error = new Cell.Error(event.path("name").asText(), event.path("value").asText(),
                        event.path("traceback").asText());
                case "done" -> done.complete(cell(cut ? Cell.End.OUTPUT_LIMIT : Cell.End.DONE));
                default -> text(true, text + "\n");
            }
        }

        void text(boolean out, String s) {
            long room = cap - kept;
            if (s.length() > room) {
                s = s.substring(0, (int) Math.max(0, room));
                if (!cut) {
                    cut = true;
                    live.signal(SIGINT); // a cell that prints without end is stopped, its REPL kept
                }
            }
            kept += s.length();
            (out ? stdout : stderr).append(s);
            output.append(s);
            if (!s.isEmpty()) {
                listener.output(!out, s);
            }
        }

        private void keep(String image, List<String> to) {
            if (image.length() > cap - kept) {
                cut = true;
                return;
            }
            kept += image.length();
            to.add(image);
        }

        Cell cell(Cell.End end) {
            return cell(end, error);
        }

        Cell cell(Cell.End end, Cell.Error withError) {
            synchronized (Kernel.this) {
                return new Cell(stdout.toString(), stderr.toString(), output.toString(), result, withError,
                        List.copyOf(images), end, (System.nanoTime() - started) / 1_000_000);
            }
        }

        private static JsonNode parse(String text) {
            if (!text.startsWith("{\"t\"")) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(text);
                return node.isObject() ? node : null;
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }
}
