package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the launcher's frames from the container's stdout (one type byte, a 4-byte big-endian
 * length, the payload; see LauncherProtocol) and hands each to the receiver of the moment. The
 * container's stderr carries only the launcher's own complaints, kept for error messages.
 */
class LauncherFrames extends ResultCallback.Adapter<Frame> {

    /** Receives the frames of one command. */
    interface Receiver {
        void frame(char type, byte[] payload);

        /** The stream ended or broke before the command's answer was complete. */
        void ended(String why);
    }

    private static final int MAX_FRAME = 128 << 20;

    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final ByteArrayOutputStream complaints = new ByteArrayOutputStream();
    private final byte[] header = new byte[5];
    private int headerFill;
    private byte[] payload;
    private int payloadFill;
    private volatile Receiver receiver;

    /** Sends what follows to {@code next} (null: nobody listens; frames are dropped). */
    void receiver(Receiver next) {
        receiver = next;
        if (next != null && ended.isDone()) {
            next.ended(endReason());
        }
    }

    @Override
    public void onNext(Frame frame) {
        byte[] bytes = frame.getPayload();
        if (frame.getStreamType() == StreamType.STDERR) {
            synchronized (complaints) {
                if (complaints.size() < 4096) {
                    complaints.write(bytes, 0, Math.min(bytes.length, 4096 - complaints.size()));
                }
            }
            return;
        }
        if (frame.getStreamType() != StreamType.STDOUT && frame.getStreamType() != StreamType.RAW) {
            return;
        }
        int i = 0;
        while (i < bytes.length) {
            if (payload == null) {
                int n = Math.min(5 - headerFill, bytes.length - i);
                System.arraycopy(bytes, i, header, headerFill, n);
                headerFill += n;
                i += n;
                if (headerFill < 5) {
                    return;
                }
                int length = ((header[1] & 0xff) << 24) | ((header[2] & 0xff) << 16) | ((header[3] & 0xff) << 8)
                        | (header[4] & 0xff);
                if (length < 0 || length > MAX_FRAME) {
                    deliver('!', ("frame of " + length + " bytes").getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                payload = new byte[length];
                payloadFill = 0;
            }
            int n = Math.min(payload.length - payloadFill, bytes.length - i);
            System.arraycopy(bytes, i, payload, payloadFill, n);
            payloadFill += n;
            i += n;
            if (payloadFill == payload.length) {
                byte[] done = payload;
                payload = null;
                headerFill = 0;
                deliver((char) (header[0] & 0xff), done);
            }
        }
    }

    private void deliver(char type, byte[] body) {
        Receiver r = receiver;
        if (r != null) {
            r.frame(type, body);
        }
    }

    @Override
    public void onComplete() {
        super.onComplete();
        end();
    }

    @Override
    public void onError(Throwable throwable) {
        end();
        try {
            close();
        } catch (java.io.IOException ignored) {
            // the stream is gone either way
        }
    }

    private void end() {
        ended.complete(null);
        Receiver r = receiver;
        if (r != null) {
            r.ended(endReason());
        }
    }

    /** Completes when the container's output stream ends (it stopped, was killed, or the stream broke). */
    CompletableFuture<Void> ended() {
        return ended;
    }

    private String endReason() {
        String said = complaints();
        return said.isEmpty() ? "the sandbox's output ended" : "the sandbox's output ended: " + said;
    }

    /** What the launcher wrote on stderr (trimmed). */
    String complaints() {
        synchronized (complaints) {
            return complaints.toString(StandardCharsets.UTF_8).trim();
        }
    }
}
