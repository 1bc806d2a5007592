package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.codeexec.sandbox.SandboxResult;
import java.io.ByteArrayOutputStream;

/**
 * Collects a container's stdout and stderr frames, in arrival order, up to a cap on both together.
 * When the cap is hit it calls {@code onLimit} once (which must not block: it only schedules the
 * kill) and keeps reading and dropping, so the engine is never left blocked on a full pipe.
 */
class OutputCollector extends ResultCallback.Adapter<Frame> {

    private final long cap;
    private final Runnable onLimit;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream combined = new ByteArrayOutputStream();
    private long total;
    private boolean limited;

    OutputCollector(long cap, Runnable onLimit) {
        this.cap = cap;
        this.onLimit = onLimit;
    }

    @Override
    public void onNext(Frame frame) {
        StreamType type = frame.getStreamType();
        if (type != StreamType.STDOUT && type != StreamType.STDERR && type != StreamType.RAW) {
            return;
        }
        byte[] bytes = frame.getPayload();
        boolean hitNow;
        synchronized (this) {
            if (limited) {
                return;
            }
            long room = cap - total;
            int kept = (int) Math.min(room, bytes.length);
            ByteArrayOutputStream stream = type == StreamType.STDERR ? stderr : stdout;
            stream.write(bytes, 0, kept);
            combined.write(bytes, 0, kept);
            total += kept;
            hitNow = bytes.length > room;
            limited = hitNow;
        }
        if (hitNow) {
            onLimit.run();
        }
    }

    synchronized boolean limited() {
        return limited;
    }

    synchronized SandboxResult.Output output() {
        return new SandboxResult.Output(stdout.toByteArray(), stderr.toByteArray(), combined.toByteArray());
    }
}
