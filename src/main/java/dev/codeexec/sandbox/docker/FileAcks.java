package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers the launcher's answers to a batch of file commands, one per file in order: 'A' (written)
 * or 'X' (refused, with the reason). Completes when every file is answered, exceptionally with the
 * first refusal (a {@link SandboxRefusedException} naming the file).
 */
final class FileAcks implements LauncherFrames.Receiver {

    private final List<SandboxFile> files;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private SandboxRefusedException refused;
    private int answered;

    FileAcks(List<SandboxFile> files) {
        this.files = files;
        if (files.isEmpty()) {
            done.complete(null);
        }
    }

    @Override
    public synchronized void frame(char type, byte[] payload) {
        if (answered >= files.size() || (type != 'A' && type != 'X')) {
            done.completeExceptionally(new IllegalStateException("unexpected frame " + type + " after a file"));
            return;
        }
        if (type == 'X' && refused == null) {
            refused = new SandboxRefusedException(files.get(answered).path(), new String(payload, StandardCharsets.UTF_8));
        }
        if (++answered == files.size()) {
            if (refused == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(refused);
            }
        }
    }

    @Override
    public void ended(String why) {
        done.completeExceptionally(new StepCollector.SandboxEndedException(why));
    }

    CompletableFuture<Void> done() {
        return done;
    }
}
