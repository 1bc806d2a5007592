package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.Outputs;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxPaths;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers the files of a "pack" or "outputs" answer: one 'F' frame per file (u32 mode, u32 path
 * length, the path, the content), then 'D' ("files=N skipped=N too_large=N unreadable=N"). An
 * answer that left anything out (a file it skipped, one too large, a directory it could not read)
 * or holds a name the service would not send back (not UTF-8, outside {@link SandboxPaths}) is cut:
 * a pack is then no usable copy (nothing is cached), outputs say so.
 */
final class PackCollector implements LauncherFrames.Receiver {

    private final List<SandboxFile> files = new ArrayList<>();
    private final CompletableFuture<Outputs> done = new CompletableFuture<>();
    private boolean incomplete;

    @Override
    public synchronized void frame(char type, byte[] payload) {
        switch (type) {
            case 'F' -> add(payload);
            case 'D' -> done.complete(new Outputs(List.copyOf(files),
                    incomplete || !allSent(new String(payload, StandardCharsets.US_ASCII))));
            default -> done.completeExceptionally(new IllegalStateException("unexpected frame " + type));
        }
    }

    private void add(byte[] payload) {
        if (payload.length < 8) {
            incomplete = true;
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        int mode = in.getInt();
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            incomplete = true;
            return;
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in.slice(8, length)).toString();
        } catch (CharacterCodingException e) {
            incomplete = true;
            return;
        }
        if (SandboxPaths.problem(path) != null) {
            incomplete = true;
            return;
        }
        files.add(new SandboxFile(path, Arrays.copyOfRange(payload, 8 + length, payload.length), (mode & 0100) != 0));
    }

    /** Whether the summary says every file of the builder was sent. */
    static boolean allSent(String summary) {
        Map<String, String> counts = new HashMap<>();
        for (String part : summary.trim().split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                counts.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return List.of("skipped", "too_large", "unreadable").stream().allMatch(k -> "0".equals(counts.get(k)));
    }

    @Override
    public void ended(String why) {
        done.completeExceptionally(new StepCollector.SandboxEndedException(why));
    }

    /** Everything sent, and whether anything was left out (a pack is then no usable copy). */
    CompletableFuture<Outputs> files() {
        return done;
    }
}
