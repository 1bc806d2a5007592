package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.SandboxFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Gathers the files of a "pack" answer: one 'F' frame per file ("MODE SIZE PATH\n" + content), then 'D'. */
final class PackCollector implements LauncherFrames.Receiver {

    private final List<SandboxFile> files = new ArrayList<>();
    private final CompletableFuture<List<SandboxFile>> done = new CompletableFuture<>();

    @Override
    public synchronized void frame(char type, byte[] payload) {
        switch (type) {
            case 'F' -> files.add(file(payload));
            // Some file could not be copied (not a regular file, odd name): no usable copy at all.
            case 'D' -> done.complete(new String(payload, StandardCharsets.US_ASCII).trim().equals("skipped=0")
                    ? List.copyOf(files) : List.of());
            default -> done.completeExceptionally(new IllegalStateException("unexpected frame " + type));
        }
    }

    private static SandboxFile file(byte[] payload) {
        int newline = 0;
        while (payload[newline] != '\n') {
            newline++;
        }
        String[] head = new String(payload, 0, newline, StandardCharsets.UTF_8).split(" ", 3);
        int mode = Integer.parseInt(head[0], 8);
        return new SandboxFile(head[2], Arrays.copyOfRange(payload, newline + 1, payload.length), (mode & 0100) != 0);
    }

    @Override
    public void ended(String why) {
        done.completeExceptionally(new StepCollector.SandboxEndedException(why));
    }

    CompletableFuture<List<SandboxFile>> files() {
        return done;
    }
}
