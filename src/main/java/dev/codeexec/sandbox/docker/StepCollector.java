package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.SandboxRefusedException;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers one step's output frames (stdout, stderr, and both in arrival order) up to its cap, and
 * completes with the launcher's report. The launcher enforces the cap itself; bytes beyond it are
 * dropped here all the same. A live step's output also goes to its watcher as it comes.
 */
final class StepCollector implements LauncherFrames.Receiver {

    private final long cap;
    private final LiveRun live;
    private final Step.Kind stage;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream combined = new ByteArrayOutputStream();
    private final CompletableFuture<LauncherProtocol.ReportFrame> report = new CompletableFuture<>();

    /** {@code live}: null for a batch step; else what it keeps goes to the live run's watcher too, as it comes. */
    StepCollector(long cap, LiveRun live, Step.Kind stage) {
        this.cap = cap;
        this.live = live;
        this.stage = stage;
    }

    @Override
    public synchronized void frame(char type, byte[] payload) {
        switch (type) {
            case 'O', 'E' -> {
                int keep = (int) Math.max(0, Math.min(payload.length, cap - combined.size()));
                (type == 'O' ? stdout : stderr).write(payload, 0, keep);
                combined.write(payload, 0, keep);
                if (live != null && keep > 0) {
                    live.watcher().output(stage, type == 'E', keep == payload.length ? payload : Arrays.copyOf(payload, keep));
                }
            }
            case 'R' -> report.complete(LauncherProtocol.ReportFrame.parse(new String(payload, StandardCharsets.US_ASCII)));
            case 'X' -> report.completeExceptionally(
                    new SandboxRefusedException("step", new String(payload, StandardCharsets.UTF_8)));
            case '!' -> report.completeExceptionally(
                    new IllegalStateException("launcher: " + new String(payload, StandardCharsets.UTF_8)));
            default -> report.completeExceptionally(new IllegalStateException("unexpected frame " + type));
        }
    }

    @Override
    public void ended(String why) {
        report.completeExceptionally(new SandboxEndedException(why));
    }

    CompletableFuture<LauncherProtocol.ReportFrame> report() {
        return report;
    }

    synchronized StepResult.Output output() {
        return new StepResult.Output(stdout.toByteArray(), stderr.toByteArray(), combined.toByteArray());
    }

    /** The sandbox's output stream ended before the answer came. */
    static final class SandboxEndedException extends RuntimeException {
        SandboxEndedException(String why) {
            super(why);
        }
    }
}
