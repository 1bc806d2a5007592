package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.codeexec.sandbox.SandboxResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects a container's stdout and stderr frames in arrival order, up to a cap on both together,
 * and watches for the launcher's completion marker ({@code \0code-exec-exit <nonce> <status> <oom>\n},
 * written last on each stream once every process of the run is gone).
 *
 * <p>When the program's output passes the cap it calls {@code onLimit} once (which must not block:
 * it only schedules the kill) and keeps reading and dropping, so the engine is never left blocked.
 * A little room beyond the cap is kept for the markers, which are never part of the output.
 */
class OutputCollector extends ResultCallback.Adapter<Frame> {

    /** Longest marker: NUL, tag, nonce, status, newline. */
    static final int MARKER_ROOM = 2 * 64;
    private static final byte[] TAG = "\0code-exec-exit ".getBytes(StandardCharsets.US_ASCII);

    private final Buffer stdout = new Buffer();
    private final Buffer stderr = new Buffer();
    /** Arrival order: which stream, and how many bytes of it, chunk by chunk. */
    private final List<long[]> order = new ArrayList<>();
    private final CompletableFuture<LauncherExit> completed = new CompletableFuture<>();
    private final CompletableFuture<Void> streamEnded = new CompletableFuture<>();
    private long cap = Long.MAX_VALUE;
    private Runnable onLimit = () -> { };
    private Pattern marker;
    private LauncherExit stdoutExit;
    private LauncherExit stderrExit;
    private int stdoutMarkerLength;
    private int stderrMarkerLength;
    private boolean limited;

    /** Sets the cap, the kill action and the run's nonce; before the program can write anything. */
    synchronized void arm(long outputCap, Runnable limitAction, String nonce) {
        this.cap = outputCap;
        this.onLimit = limitAction;
        this.marker = Pattern.compile("\0code-exec-exit " + Pattern.quote(nonce) + " (-?\\d{1,4}) (-?\\d{1,9})\n$");
    }

    @Override
    public void onNext(Frame frame) {
        StreamType type = frame.getStreamType();
        if (type != StreamType.STDOUT && type != StreamType.STDERR && type != StreamType.RAW) {
            return;
        }
        boolean hitNow = false;
        synchronized (this) {
            boolean isErr = type == StreamType.STDERR;
            Buffer stream = isErr ? stderr : stdout;
            byte[] bytes = frame.getPayload();
            long room = cap + MARKER_ROOM - stdout.size() - stderr.size();
            int kept = (int) Math.max(0, Math.min(room, bytes.length));
            stream.write(bytes, 0, kept);
            if (kept > 0) {
                order.add(new long[] {isErr ? 1 : 0, kept});
            }
            if (kept < bytes.length && !limited) {
                limited = true;
                hitNow = true;
            }
            checkMarker(isErr, stream);
        }
        if (hitNow) {
            onLimit.run();
        }
    }

    /** Looks at the last few bytes only: output floods arrive as thousands of frames. */
    private void checkMarker(boolean isErr, Buffer stream) {
        if (marker == null || stream.size() == 0) {
            return;
        }
        byte[] all = stream.tail(MARKER_ROOM / 2);
        if (all[all.length - 1] != '\n') {
            return;
        }
        int tag = lastIndexOf(all, TAG, 0);
        if (tag < 0) {
            return;
        }
        Matcher m = marker.matcher(new String(all, tag, all.length - tag, StandardCharsets.ISO_8859_1));
        if (!m.matches()) {
            return;
        }
        LauncherExit exit = new LauncherExit(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (isErr) {
            stderrExit = exit;
            stderrMarkerLength = all.length - tag;
        } else {
            stdoutExit = exit;
            stdoutMarkerLength = all.length - tag;
        }
        if (stdoutExit != null && stderrExit != null) {
            completed.complete(stdoutExit);
        }
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = haystack.length - needle.length; i >= from; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void onComplete() {
        super.onComplete();
        streamEnded.complete(null);
    }

    @Override
    public void onError(Throwable throwable) {
        streamEnded.complete(null);
        try {
            close();
        } catch (java.io.IOException ignored) {
            // the stream is gone either way
        }
    }

    /** The launcher's report, once both streams carried its marker. */
    CompletableFuture<LauncherExit> completion() {
        return completed;
    }

    /** Completes when the attach stream ends (the container stopped, or the stream failed). */
    CompletableFuture<Void> ended() {
        return streamEnded;
    }

    /** True when the program's output went past the cap. */
    synchronized boolean limited() {
        return programBytes(stdout, stdoutMarkerLength) + programBytes(stderr, stderrMarkerLength) > cap;
    }

    /** The program's output, markers removed and cut at the cap (in arrival order). */
    synchronized SandboxResult.Output output() {
        byte[] out = stdout.toByteArray();
        byte[] err = stderr.toByteArray();
        int[] length = {programBytes(stdout, stdoutMarkerLength), programBytes(stderr, stderrMarkerLength)};
        int[] read = new int[2];
        int[] kept = new int[2];
        ByteArrayOutputStream combined = new ByteArrayOutputStream(length[0] + length[1]);
        long budget = cap;
        for (long[] chunk : order) {
            int s = (int) chunk[0];
            int n = (int) Math.max(0, Math.min(Math.min(chunk[1], length[s] - read[s]), budget));
            combined.write(s == 1 ? err : out, read[s], n);
            kept[s] += n;
            budget -= n;
            read[s] += (int) chunk[1];
        }
        return new SandboxResult.Output(Arrays.copyOf(out, kept[0]), Arrays.copyOf(err, kept[1]),
                combined.toByteArray());
    }

    /** A byte buffer whose last bytes can be read without copying all of it. */
    private static final class Buffer extends ByteArrayOutputStream {
        synchronized byte[] tail(int n) {
            return Arrays.copyOfRange(buf, Math.max(0, count - n), count);
        }
    }

    private static int programBytes(ByteArrayOutputStream stream, int markerLength) {
        return stream.size() - markerLength;
    }

}
